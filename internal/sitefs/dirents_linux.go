package sitefs

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/sys/unix"
)

// Stater states an entry of a folder by its name in the folder, not
// following a link.
type Stater interface {
	Lstat(name string) (fs.FileInfo, error)
}

// ReadDirents lists the open folder fd with getdents64, not an os.File
// (which adds fcntl and epoll calls to every open): its entries but "."
// and "..", in the folder's order. An entry states itself with at, for
// Info and for its type when the listing does not give it (some file
// systems).
func ReadDirents(fd int, at Stater) ([]fs.DirEntry, error) {
	buf := make([]byte, 16<<10)
	var entries []fs.DirEntry
	for {
		n, err := unix.Getdents(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return entries, nil
		}
		entries = AppendDirents(entries, buf[:n], at)
	}
}

// AppendDirents appends the entries of a getdents64 listing: records of
// an inode, an offset, the record's length, a type and a name ended by a
// zero byte. A record it cannot frame ends the listing.
func AppendDirents(entries []fs.DirEntry, b []byte, at Stater) []fs.DirEntry {
	for len(b) >= 19 {
		reclen := int(b[16]) | int(b[17])<<8
		if reclen < 19 || reclen > len(b) {
			break
		}
		name := b[19:reclen]
		if i := slices.Index(name, 0); i >= 0 {
			name = name[:i]
		}
		if s := string(name); s != "." && s != ".." {
			entries = append(entries, dirent{name: s, typ: direntType(b[18]), at: at})
		}
		b = b[reclen:]
	}
	return entries
}

// direntType is the type bits of a listing's type; fs.ModeIrregular for
// a type the listing does not give, which Type then states.
func direntType(t byte) fs.FileMode {
	switch t {
	case unix.DT_REG:
		return 0
	case unix.DT_DIR:
		return fs.ModeDir
	case unix.DT_LNK:
		return fs.ModeSymlink
	case unix.DT_FIFO:
		return fs.ModeNamedPipe
	case unix.DT_SOCK:
		return fs.ModeSocket
	case unix.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case unix.DT_BLK:
		return fs.ModeDevice
	}
	return fs.ModeIrregular
}

// dirent is an entry of a listing.
type dirent struct {
	name string
	typ  fs.FileMode
	at   Stater
}

func (e dirent) Name() string               { return e.name }
func (e dirent) IsDir() bool                { return e.Type().IsDir() }
func (e dirent) Info() (fs.FileInfo, error) { return e.at.Lstat(e.name) }

func (e dirent) Type() fs.FileMode {
	if e.typ != fs.ModeIrregular {
		return e.typ
	}
	if info, err := e.Info(); err == nil {
		return info.Mode().Type()
	}
	return fs.ModeIrregular
}

// folderPath states the entries of the folder at a path.
type folderPath string

func (p folderPath) Lstat(name string) (fs.FileInfo, error) {
	return os.Lstat(filepath.Join(string(p), name))
}

// readDirQuick lists the folder name below dir in one open that follows
// no link in any part of name (openat2, as openBeneath), and a listing
// with the calls themselves; sorted by name. It reports false on anything
// else, and ReadDir then opens the folder as Open does to say what is
// wrong. An entry's Info states it by its path, as an os.File's do.
func readDirQuick(dir, name string) ([]fs.DirEntry, bool) {
	root, err := unix.Open(filepath.Clean(dir), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	how := &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_CLOEXEC,
		Resolve: unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS,
	}
	fd, err := unix.Openat2(root, name, how)
	unix.Close(root)
	if err != nil {
		return nil, false
	}
	defer unix.Close(fd)
	list, err := ReadDirents(fd, folderPath(filepath.Join(dir, filepath.FromSlash(name))))
	if err != nil {
		return nil, false
	}
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, true
}
