// Package sitefs owns the read-only view of a site folder that every
// command builds from: an fs.FS that never follows a symbolic link and
// opens only regular files and folders. A link, a named pipe (FIFO), a
// socket or a device is refused with an error naming it before anything is
// opened, since opening a FIFO blocks until something writes to it, and a
// link can point at any file of the machine that builds the site.
package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// ErrSymlink is the error (wrapped in an *fs.PathError) for a path that
// is, or passes through, a symbolic link.
var ErrSymlink = errors.New("a symbolic link is never followed")

// ErrNotRegular is the error (wrapped in an *fs.PathError) for a path that
// is neither a regular file nor a folder.
var ErrNotRegular = errors.New("not a regular file or folder")

// errNoOpenat2 is returned by openBeneath where the kernel has no openat2.
var errNoOpenat2 = errors.New("openat2 not available")

// FS is a read-only view of the folder Dir. It implements fs.FS,
// fs.StatFS, fs.ReadDirFS, fs.ReadFileFS and fs.ReadLinkFS (Lstat only).
type FS struct {
	// Dir is the site folder, in the operating system's form.
	Dir string
	// MaxFile is the largest file ReadFile reads; 0 means no limit.
	// Callers that know a tighter limit for a kind of file check it
	// from Stat first.
	MaxFile int64
}

// New returns a view of dir that reads files of at most maxFile bytes.
func New(dir string, maxFile int64) FS { return FS{Dir: dir, MaxFile: maxFile} }

// full checks name and returns its path in the operating system's form,
// after checking with Lstat that no folder on the way is a link.
func (f FS) full(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	p := filepath.Clean(f.Dir)
	if name == "." {
		return p, nil
	}
	parts := strings.Split(name, "/")
	for i, part := range parts[:len(parts)-1] {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if err != nil {
			return "", &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
		}
		if err := kindErr(info.Mode()); err != nil || !info.IsDir() {
			if err == nil {
				err = syscall.ENOTDIR
			}
			return "", &fs.PathError{Op: op, Path: strings.Join(parts[:i+1], "/"), Err: err}
		}
	}
	return filepath.Join(p, parts[len(parts)-1]), nil
}

// kindErr says why a file of mode m may not be opened, or nil.
func kindErr(m fs.FileMode) error {
	switch {
	case m&fs.ModeSymlink != 0:
		return ErrSymlink
	case m.IsRegular(), m.IsDir():
		return nil
	}
	return ErrNotRegular
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Lstat returns the facts about name without following a link at its end.
func (f FS) Lstat(name string) (fs.FileInfo, error) {
	p, err := f.full("lstat", name)
	if err != nil {
		return nil, err
	}
	info, err := os.Lstat(p)
	if err != nil {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: unwrap(err)}
	}
	return info, nil
}

// ReadLink refuses every link: the view never says where one points.
func (f FS) ReadLink(name string) (string, error) {
	return "", &fs.PathError{Op: "readlink", Path: name, Err: ErrSymlink}
}

// Stat returns the facts about name, which must be a regular file or a
// folder reached without a link.
func (f FS) Stat(name string) (fs.FileInfo, error) {
	info, err := f.Lstat(name)
	if err != nil {
		return nil, err
	}
	if err := kindErr(info.Mode()); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return info, nil
}

// Open opens a regular file or a folder. The kind is checked with Lstat
// before opening, and again on the open file. Where openat2 can open it
// in one step (openQuick), that is all; otherwise, or when anything is
// wrong, every folder on the way is checked first, so the error names it. The path is opened without
// following a link in any part of it (see openFile; O_NONBLOCK, so that a
// FIFO put in its place in between cannot block).
func (f FS) Open(name string) (fs.File, error) {
	if fs.ValidPath(name) {
		if file, ok := openQuick(f.Dir, name); ok {
			return file, nil
		}
	}
	info, err := f.Stat(name)
	if err != nil {
		return nil, err
	}
	if _, err := f.full("open", name); err != nil {
		return nil, err
	}
	file, err := openFile(f.Dir, name)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			err = ErrSymlink
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(err)}
	}
	now, err := file.Stat()
	if err == nil {
		err = kindErr(now.Mode())
	}
	if err == nil && now.IsDir() != info.IsDir() {
		err = ErrNotRegular
	}
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(err)}
	}
	return file, nil
}

// openLast opens the file p with O_NOFOLLOW: a link at its last part is
// refused, the folders on the way are not checked here.
func openLast(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
}

// ReadDir lists a folder, sorted by name. Links and special files are
// listed as what they are (their Type says so) and are not followed. Where
// openat2 can open it in one step (readDirQuick), that and the listing are
// all; otherwise the folder is opened as Open opens it, so a listing costs
// an open, not a check of every folder on the way as well.
func (f FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if fs.ValidPath(name) {
		if list, ok := readDirQuick(f.Dir, name); ok {
			return list, nil
		}
	}
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	dir, ok := file.(fs.ReadDirFile)
	if info, err := file.Stat(); !ok || err != nil || !info.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: syscall.ENOTDIR}
	}
	list, err := dir.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrap(err)}
	}
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, nil
}

// ErrTooLarge is the error (wrapped in a *TooLargeError) for a file over
// the size limit.
var ErrTooLarge = errors.New("file too large")

// TooLargeError reports a file of Size bytes where at most Limit are read.
type TooLargeError struct {
	Path        string
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return e.Path + ": " + ErrTooLarge.Error()
}

// Unwrap makes errors.Is(err, ErrTooLarge) true.
func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// ReadFile reads a regular file of at most MaxFile bytes. The size is
// checked from Stat before reading, and the read stops at the limit should
// the file grow meanwhile.
func (f FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return ReadAll(file, name, f.MaxFile)
}

// RacyMargin is how long before it is looked at a file must have been
// written for its identity (see Identity) to show a later write: a file or
// folder written again within the same tick of the file system's clock as
// the write before may keep its times.
const RacyMargin = 2 * time.Second
