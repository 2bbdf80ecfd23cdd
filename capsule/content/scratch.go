package content

import (
	"sync"
	"unsafe"

	"capsule/capsule/internal/pages"
)

// Scratch is memory for the records a Load makes of every post file, at
// the top of the posts folder, in a Hugo folder's sections and in a
// Jekyll site's _posts (what looking at it found, its source, its
// mdFile), which no Content keeps once Load returns: handed from one
// Load to the next, so that a reload does not make them anew.
//
// Why: at 10,000 posts they are 4.4 MB. Made anew at each reload, they
// are memory the process has not written since the daemon returned the
// last reload's garbage to the system, and on a small virtual machine
// each page of it costs about 10 µs the first time it is written: 14 of
// the 40 ms of a reload that finds nothing changed.
//
// Bounds: a Scratch holds the records of one Load, the largest since it
// was last released, and nothing they point to (they are cleared when
// put back). The daemon gives one to each site's reloads and releases
// it when it returns a pause's garbage to the system, so that what it
// holds is held only while reloads come.
//
// The zero Scratch is ready to use; a nil *Scratch makes the records
// anew for every Load. A Scratch is safe for concurrent use: a Load
// takes the records out and puts them back, and a Load that finds them
// taken makes its own.
type Scratch struct {
	mu   sync.Mutex
	recs *loadRecords
}

// loadRecords are the records of one Load; their slices are zeroed,
// to their capacity, when not in use.
type loadRecords struct {
	names     []string
	at        []int
	inspected []inspection
	srcs      []source
	posts     []*mdFile
	files     []mdFile
	// The posts of a Hugo folder's sections (findNested) or of a Jekyll
	// site's _posts and _drafts (findJekyll).
	nestedFiles []mdFile
	nestedSrcs  []source
}

// take is s's records, or new ones when s is nil or they are in use.
func (s *Scratch) take() *loadRecords {
	if s == nil {
		return new(loadRecords)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.recs
	s.recs = nil
	if r == nil {
		r = new(loadRecords)
	}
	return r
}

// put clears r and keeps it for the next Load, unless s is nil or another
// Load put larger records back meanwhile.
func (s *Scratch) put(r *loadRecords) {
	if s == nil {
		return
	}
	clear(r.names[:cap(r.names)])
	clear(r.at[:cap(r.at)])
	clear(r.inspected[:cap(r.inspected)])
	clear(r.srcs[:cap(r.srcs)])
	clear(r.posts[:cap(r.posts)])
	clear(r.files[:cap(r.files)])
	clear(r.nestedFiles[:cap(r.nestedFiles)])
	clear(r.nestedSrcs[:cap(r.nestedSrcs)])
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.recs == nil || cap(s.recs.srcs) < cap(r.srcs) {
		s.recs = r
	}
}

// Release drops what s holds: the next Load makes its records anew.
func (s *Scratch) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.recs = nil
}

// Bytes is the memory s holds, for the records of the largest Load
// since it was last released.
func (s *Scratch) Bytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.recs
	if r == nil {
		return 0
	}
	return int64(cap(r.names))*int64(unsafe.Sizeof("")) + int64(cap(r.at))*int64(unsafe.Sizeof(0)) +
		int64(cap(r.inspected))*int64(unsafe.Sizeof(inspection{})) + int64(cap(r.srcs))*int64(unsafe.Sizeof(source{})) +
		int64(cap(r.posts))*int64(unsafe.Sizeof(&mdFile{})) + int64(cap(r.files)+cap(r.nestedFiles))*int64(unsafe.Sizeof(mdFile{})) +
		int64(cap(r.nestedSrcs))*int64(unsafe.Sizeof(source{}))
}

// The records of n files, zeroed, made anew when too small. The large
// ones (sources, mdFiles) are then mapped in one call rather than
// faulted in a page at a time as they are written (pages.PopulateSlice).

// listing is empty, with room for n names and their indexes.
func (r *loadRecords) listing(n int) (names []string, at []int) {
	if cap(r.names) < n {
		r.names, r.at = make([]string, 0, n), make([]int, 0, n)
	}
	return r.names[:0], r.at[:0]
}

func (r *loadRecords) inspections(n int) []inspection {
	if cap(r.inspected) < n {
		r.inspected = make([]inspection, n)
	}
	return r.inspected[:n]
}

func (r *loadRecords) sources(n int) []source {
	if cap(r.srcs) < n {
		r.srcs = make([]source, n)
		pages.PopulateSlice(r.srcs)
	}
	return r.srcs[:n]
}

// mdFiles are empty, with room for n: pointers to mdFiles, and mdFiles.
func (r *loadRecords) mdFiles(n int) ([]*mdFile, []mdFile) {
	if cap(r.files) < n {
		r.posts, r.files = make([]*mdFile, 0, n), make([]mdFile, 0, n)
		pages.PopulateSlice(r.files)
	}
	return r.posts[:0], r.files[:0]
}

// nested are the records of n files in subfolders, zeroed: their
// mdFiles, and sources.
func (r *loadRecords) nested(n int) ([]mdFile, []source) {
	if cap(r.nestedFiles) < n {
		r.nestedFiles, r.nestedSrcs = make([]mdFile, n), make([]source, n)
		pages.PopulateSlice(r.nestedFiles)
		pages.PopulateSlice(r.nestedSrcs)
	}
	return r.nestedFiles[:n], r.nestedSrcs[:n]
}
