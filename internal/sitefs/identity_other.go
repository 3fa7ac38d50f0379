//go:build !linux

package sitefs

import (
	"io/fs"
	"time"
)

// Identity describes what a stat said of a file closely enough to tell it
// was not written since (see the Linux version). Elsewhere it is not
// known, so ok is false and nothing is kept on the strength of it.
func Identity(info fs.FileInfo) (id string, changed time.Time, ok bool) {
	return "", time.Time{}, false
}
