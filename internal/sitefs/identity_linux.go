package sitefs

import (
	"io/fs"
	"strconv"
	"syscall"
	"time"
)

// Identity describes what a stat said of a file closely enough that a
// file with the same identity later has not been written in between: its
// device, inode, kind, size, and modification and change times to the
// nanosecond (the change time moves on every write and cannot be set by
// hand). Changed is the later of the two times. ok is false when info
// does not come from the operating system.
func Identity(info fs.FileInfo) (id string, changed time.Time, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return "", time.Time{}, false
	}
	mtime, ctime := time.Unix(st.Mtim.Unix()), time.Unix(st.Ctim.Unix())
	id = strconv.FormatUint(uint64(st.Dev), 16) + " " + strconv.FormatUint(st.Ino, 16) + " " +
		strconv.FormatUint(uint64(st.Mode), 8) + " " + strconv.FormatInt(st.Size, 10) + " " +
		strconv.FormatInt(mtime.UnixNano(), 10) + " " + strconv.FormatInt(ctime.UnixNano(), 10)
	return id, later(mtime, ctime), true
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
