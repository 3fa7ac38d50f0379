package sitefs

import (
	"encoding/binary"
	"errors"
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
// and "..", in the folder's order. An entry whose type the listing does
// not give (some file systems) is stated with at while the folder is
// open, and left out when it is gone by then; an entry's Info states it
// with at.
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
		var ok bool
		if entries, ok = AppendDirents(entries, buf[:n], at); !ok {
			return nil, errBadListing
		}
	}
}

// errBadListing is the error for a listing whose records cannot be framed.
var errBadListing = errors.New("a folder listing that cannot be read")

// AppendDirents appends the entries of a getdents64 listing: records of
// an inode, an offset, the record's length (in the machine's byte order),
// a type and a name ended by a zero byte. It reports false for a record
// it cannot frame, or whose name is empty or holds a slash.
func AppendDirents(entries []fs.DirEntry, b []byte, at Stater) ([]fs.DirEntry, bool) {
	for len(b) > 0 {
		if len(b) < 20 {
			return entries, false
		}
		reclen := int(binary.NativeEndian.Uint16(b[16:18]))
		if reclen < 20 || reclen > len(b) {
			return entries, false
		}
		name := b[19:reclen]
		if i := slices.Index(name, 0); i >= 0 {
			name = name[:i]
		}
		if len(name) == 0 || slices.Contains(name, '/') { // no name the kernel gives; a slash would lead elsewhere
			return entries, false
		}
		if s := string(name); s != "." && s != ".." {
			e := dirent{name: s, typ: direntType(b[18]), at: at}
			if e.typ == fs.ModeIrregular { // not given: stated now, while the folder is open
				info, err := at.Lstat(s)
				if errors.Is(err, fs.ErrNotExist) {
					b = b[reclen:]
					continue
				}
				if err == nil {
					e.typ = info.Mode().Type()
				}
			}
			entries = append(entries, e)
		}
		b = b[reclen:]
	}
	return entries, true
}

// direntType is the type bits of a listing's type; fs.ModeIrregular for
// a type the listing does not give.
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
func (e dirent) IsDir() bool                { return e.typ.IsDir() }
func (e dirent) Type() fs.FileMode          { return e.typ }
func (e dirent) Info() (fs.FileInfo, error) { return e.at.Lstat(e.name) }

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
	if name == "." { // the site folder itself: ReadDir refuses it when it is a link, as Stat does
		return nil, false
	}
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
