// Package upload writes what an author sends from a Gemini client (over
// Titan) into a posts folder, without ever losing text: every file is
// replaced by a rename of a fully written and synced temporary file in
// the same folder, and the version it replaces (or removes) is kept in a
// history folder outside the posts folder first.
//
// It knows nothing of posts' meaning: which path an upload may name is
// the caller's to decide with the rules here (CheckPath, NewPostPath);
// what this package guarantees is that a write stays inside the folder,
// never follows a symbolic link, never touches a dot file, and is whole
// or not at all.
package upload
