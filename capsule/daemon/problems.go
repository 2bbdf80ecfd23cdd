package daemon

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"capsule/capsule/content"
)

// How capsuled tells the problems that stopped a start or a check, or
// that a reload left served as before.

// LogReloadFailure logs every problem of err, the error of a failed
// Reload, one a line, then what the reload left as it was.
func LogReloadFailure(logger *log.Logger, err error) {
	logProblems(logger, err)
	logger.Print(reloadFailure(err))
}

// Stopped says where the problems that stopped a start or a check were
// looked for, for the line that counts them.
type Stopped struct {
	Posts      string // the main site's posts folder
	ConfigFile string // the -config file, "" without one
	Check      bool   // -check or -routes: nothing was to be served
}

// Log writes err to logger, one line per problem for a list of them (the
// configuration file's, each site's posts') or a joined error (the
// configuration's, from config.Config.Check), then a line that counts
// them and says where they are.
func (r Stopped) Log(logger *log.Logger, err error) {
	var joined interface{ Unwrap() []error }
	if groups, others := byFolder(err, r.Posts); len(groups) > 0 {
		var where []string
		checkedPosts := false
		for _, g := range groups {
			inFile := 0
			for _, e := range g.list {
				fmt.Fprintln(logger.Writer(), e) // stamped once serving, as the log
				if r.ConfigFile != "" && e.File == r.ConfigFile {
					inFile++
				}
			}
			if inFile > 0 {
				where = append(where, fmt.Sprintf("%s in %s", problems(inFile), r.ConfigFile))
			}
			if n := len(g.list) - inFile; n > 0 {
				checkedPosts = true
				where = append(where, fmt.Sprintf("%s in %s%s", problems(n), FolderName(g.folder), g.site))
			}
		}
		for _, e := range others {
			logger.Print(e)
		}
		if len(others) > 0 {
			// A certificate's, an address's: each said on its line.
			where = append(where, count(len(others), "other problem"))
		}
		summary := strings.Join(where, " and ")
		if r.Check && !checkedPosts && len(others) == 0 {
			summary += "; the posts were not checked"
		}
		logger.Print(r.closing(summary))
		return
	}
	if errors.As(err, &joined) && len(joined.Unwrap()) > 0 {
		errs := joined.Unwrap()
		for _, e := range errs {
			logger.Print(e)
		}
		where := "the flags"
		if r.ConfigFile != "" {
			where = "the configuration (" + r.ConfigFile + " and the flags)"
		}
		logger.Print(r.closing(fmt.Sprintf("%s in %s", problems(len(errs)), where)))
		return
	}
	logger.Print(err)
}

// folderProblems are the problems found in one site's posts folder (or
// in the configuration file, whose problems are listed the same way).
type folderProblems struct {
	folder string
	site   string // ", site <host>" for a [[site]]'s folder
	list   content.ErrorList
}

// byFolder sorts the lists of problems in err by the folder they were
// found in: folder (the main site's) unless a SiteError names
// another. Errors that are not lists (a certificate's, say) are others.
// groups is empty when err holds no list.
func byFolder(err error, folder string) (groups []folderProblems, others []error) {
	var list content.ErrorList
	switch e := err.(type) {
	case interface{ Unwrap() []error }:
		for _, e := range e.Unwrap() {
			g, o := byFolder(e, folder)
			groups, others = append(groups, g...), append(others, o...)
		}
	case *SiteError:
		g, o := byFolder(e.Err, e.Folder)
		for i := range g {
			g[i].site = ", site " + e.Host
		}
		groups = append(groups, g...)
		for _, err := range o {
			others = append(others, &SiteError{Host: e.Host, Folder: e.Folder, Err: err})
		}
	default:
		if errors.As(err, &list) {
			groups = append(groups, folderProblems{folder: folder, list: list})
		} else {
			others = append(others, err)
		}
	}
	return groups, others
}

// problems is "1 problem", "2 problems".
func problems(n int) string { return count(n, "problem") }

// closing ends the line that counts the problems: a start that fails
// serves nothing, which -check never does anyway.
func (r Stopped) closing(s string) string {
	if r.Check {
		return s
	}
	return s + "; nothing served"
}

// reloadFailure says what a failed reload left as it was: the main site,
// other sites ([[site]]), or both.
func reloadFailure(err error) string {
	if _, ok := errors.AsType[*ConfigError](err); ok {
		return "reload failed: the configuration has problems; still serving the previous configuration and posts"
	}
	var sites []string
	mainFailed := false
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	for _, e := range errs {
		var se *SiteError
		if errors.As(e, &se) {
			sites = append(sites, se.Host)
		} else {
			mainFailed = true
		}
	}
	switch {
	case len(sites) == 0:
		return "reload failed: still serving the previous posts"
	case !mainFailed:
		return "reload failed for " + strings.Join(sites, ", ") + ": still serving their previous posts; the other sites reloaded"
	}
	return "reload failed: still serving the previous posts, and for " + strings.Join(sites, ", ") + " too"
}

// logProblems logs every problem of err, one a line: each of a list of
// posts' problems as file:line, each of several sites' failures.
func logProblems(logger *log.Logger, err error) {
	if ce, ok := err.(*ConfigError); ok {
		err = ce.Err
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			logProblems(logger, e)
		}
		return
	}
	var list content.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			logger.Print(e)
		}
		return
	}
	logger.Print(err)
}
