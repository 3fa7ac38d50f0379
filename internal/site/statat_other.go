//go:build !linux

package site

import (
	"io/fs"
	"os"
	"path/filepath"
)

// statAt states the entry name of the open folder dir, not following a
// link.
func statAt(dir *os.File, name string) (fs.FileInfo, error) {
	return os.Lstat(filepath.Join(dir.Name(), name))
}
