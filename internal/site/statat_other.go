//go:build !linux

package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"artsmap/internal/sitefs"
)

// readFolder lists the folder p for a walk of the output: its state just
// before the listing when asked for, and its entries, each of which
// states itself without following a link. done closes the folder.
func readFolder(p string, follow, state bool) (st stateAt, entries []fs.DirEntry, done func(), err error) {
	if !follow {
		if info, err := os.Lstat(p); err == nil && !info.IsDir() {
			return st, nil, nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrInvalid}
		}
	}
	f, err := os.Open(p)
	if err != nil {
		return st, nil, nil, err
	}
	if info, err := f.Stat(); state && err == nil {
		st.id, st.changed, _ = sitefs.Identity(info)
		st.listed = time.Now()
	}
	list, err := f.ReadDir(-1)
	if err != nil {
		f.Close()
		return st, nil, nil, err
	}
	for i, e := range list {
		list[i] = entryAt{e, p}
	}
	return st, list, func() { f.Close() }, nil
}

// entryAt is an entry of the folder dir.
type entryAt struct {
	fs.DirEntry
	dir string
}

func (e entryAt) Info() (fs.FileInfo, error) { return os.Lstat(filepath.Join(e.dir, e.Name())) }
