//go:build !linux

package sitefs

import "io/fs"

// readDirQuick is not available here: ReadDir opens the folder as Open does.
func readDirQuick(dir, name string) ([]fs.DirEntry, bool) { return nil, false }
