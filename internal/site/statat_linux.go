package site

import (
	"io/fs"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"artsmap/internal/sitefs"
)

// readFolder lists the folder p for a walk of the output with the calls
// themselves, not an os.File: an open, a stat when the state is asked for,
// the listing and a close, where an os.File adds four more calls (a
// rebuild at 10,000 providers lists some 20,000 folders). state, when
// asked for, is the folder's state just before the listing. Each entry's
// Info states it relative to the open folder (fstatat), until done closes
// it. A link at p's last part is not followed, unless follow is set (the
// output folder itself may be reached through one).
func readFolder(p string, follow, state bool) (st stateAt, entries []fs.DirEntry, done func(), err error) {
	flags := unix.O_RDONLY | unix.O_DIRECTORY | unix.O_CLOEXEC
	if !follow {
		flags |= unix.O_NOFOLLOW
	}
	fd, err := openFolder(p, flags)
	if err != nil {
		return st, nil, nil, &fs.PathError{Op: "open", Path: p, Err: err}
	}
	if state {
		st = folderState(fd)
	}
	entries, err = sitefs.ReadDirents(fd, openDir(fd))
	if err != nil {
		unix.Close(fd)
		return st, nil, nil, &fs.PathError{Op: "readdirent", Path: p, Err: err}
	}
	return st, entries, func() { unix.Close(fd) }, nil
}

func openFolder(p string, flags int) (int, error) {
	for {
		fd, err := unix.Open(p, flags, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// folderState is the state of the open folder fd, empty when it cannot
// be stated.
func folderState(fd int) stateAt {
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return stateAt{}
	}
	id, changed, _ := sitefs.Identity(sysInfo{&st})
	return stateAt{id: id, changed: changed, listed: time.Now()}
}

// openDir states the entries of an open folder relative to it.
type openDir int

func (d openDir) Lstat(name string) (fs.FileInfo, error) { return statAt(int(d), name) }

// statAt states the entry name of the open folder dir, not following a
// link: fstatat on the folder, so that only the last part of the path is
// looked up (a rebuild states every file of the output, some 72,000 at
// 10,000 providers).
func statAt(dir int, name string) (fs.FileInfo, error) {
	var st unix.Stat_t
	for {
		err := unix.Fstatat(dir, name, &st, unix.AT_SYMLINK_NOFOLLOW)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "fstatat", Path: name, Err: err}
		}
		return statInfo{name: name, size: st.Size, mode: modeOf(st.Mode), mtime: time.Unix(st.Mtim.Unix())}, nil
	}
}

// modeOf is the file mode of a stat's mode bits: the type and permissions.
func modeOf(m uint32) fs.FileMode {
	mode := fs.FileMode(m & 0o777)
	switch m & unix.S_IFMT {
	case unix.S_IFREG:
	case unix.S_IFDIR:
		mode |= fs.ModeDir
	case unix.S_IFLNK:
		mode |= fs.ModeSymlink
	case unix.S_IFIFO:
		mode |= fs.ModeNamedPipe
	case unix.S_IFSOCK:
		mode |= fs.ModeSocket
	case unix.S_IFCHR:
		mode |= fs.ModeDevice | fs.ModeCharDevice
	default:
		mode |= fs.ModeDevice | fs.ModeIrregular
	}
	return mode
}

// statInfo is what statAt found.
type statInfo struct {
	name  string
	size  int64
	mode  fs.FileMode
	mtime time.Time
}

func (i statInfo) Name() string       { return i.name }
func (i statInfo) Size() int64        { return i.size }
func (i statInfo) Mode() fs.FileMode  { return i.mode }
func (i statInfo) ModTime() time.Time { return i.mtime }
func (i statInfo) IsDir() bool        { return i.mode.IsDir() }
func (i statInfo) Sys() any           { return nil }

// sysInfo gives a stat to sitefs.Identity, which reads only Sys.
type sysInfo struct{ st *syscall.Stat_t }

func (i sysInfo) Name() string       { return "" }
func (i sysInfo) Size() int64        { return i.st.Size }
func (i sysInfo) Mode() fs.FileMode  { return modeOf(i.st.Mode) }
func (i sysInfo) ModTime() time.Time { return time.Unix(i.st.Mtim.Unix()) }
func (i sysInfo) IsDir() bool        { return i.Mode().IsDir() }
func (i sysInfo) Sys() any           { return i.st }
