//go:build !linux

package sitefs

import (
	"os"
	"path/filepath"
)

// openFile opens name below dir; here only its last part is opened
// without following a link (see openLast), the folders on the way having
// been checked with Lstat just before.
func openFile(dir, name string) (*os.File, error) {
	return openLast(filepath.Join(dir, filepath.FromSlash(name)))
}

// openQuick is not available here: Open checks every folder on the way.
func openQuick(dir, name string) (*os.File, bool) { return nil, false }
