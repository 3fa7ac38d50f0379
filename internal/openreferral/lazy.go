package openreferral

import (
	"fmt"
	"sync"
)

// LazyFiles lays out the export of the directory that dir gives as Files
// does, but holds the mapped export only while its files are being made:
// the export is mapped once to learn the paths and dropped, mapped again
// when the first file is asked for, and dropped again once every file has
// been made (a build makes each once, one path after another, so the
// export is no longer held beside the rest of the site's work: 225 MB at
// 50,000 providers). A file asked for after that maps it again. The cost
// is mapping twice; the bytes are those of Files.
func LazyFiles(dir func() Directory, root string, pageSize int) []File {
	planned := Map(dir()).Files(root, pageSize)
	l := &lazy{dir: dir, root: root, size: pageSize}
	out := make([]File, len(planned))
	for i, f := range planned {
		// Only the path is kept: f.Encode would hold the planning export
		// (320 MB at 50,000 providers) for as long as the files are.
		path := f.Path
		out[i] = File{Path: path, Owner: f.Owner, Encode: func() ([]byte, error) { return l.encode(i, path) }, Skip: l.skip}
	}
	l.total = len(out)
	return out
}

// lazy is the export while its files are made, and how many are left.
type lazy struct {
	dir         func() Directory
	root        string
	size        int
	mu          sync.Mutex
	files       []File // nil when not held
	total, made int
}

// encode makes the i-th file, mapping the export if it is not held.
func (l *lazy) encode(i int, path string) ([]byte, error) {
	l.mu.Lock()
	if l.files == nil {
		l.files = Map(l.dir()).Files(l.root, l.size)
	}
	files := l.files
	l.count()
	l.mu.Unlock()
	if i >= len(files) || files[i].Path != path {
		return nil, fmt.Errorf("the Open Referral export changed while it was written (%s)", path)
	}
	return files[i].Encode()
}

// count counts one file made or kept, dropping the export after the last.
// l.mu is held.
func (l *lazy) count() {
	if l.made++; l.made >= l.total {
		l.files, l.made = nil, 0
	}
}

// skip counts a file a build keeps without asking for it.
func (l *lazy) skip() {
	l.mu.Lock()
	l.count()
	l.mu.Unlock()
}
