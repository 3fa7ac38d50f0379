package sitefs

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// openFile opens name (a slash path) below dir without following a
// symbolic link anywhere in name, in one step: openat2 with
// RESOLVE_NO_SYMLINKS and RESOLVE_BENEATH from dir, so that no link put in
// place of a folder after the Lstat checks is followed. dir itself may be
// reached through a link, as the site folder may. Where the kernel has no
// openat2 (before Linux 5.6, or a sandbox refusing it), it falls back to
// openLast.
func openFile(dir, name string) (*os.File, error) {
	f, err := openBeneath(dir, name)
	if errors.Is(err, errNoOpenat2) {
		return openLast(filepath.Join(dir, filepath.FromSlash(name)))
	}
	return f, err
}

// openBeneath opens name below dir with openat2, following no link in any
// part of name; errNoOpenat2 when the kernel cannot.
func openBeneath(dir, name string) (*os.File, error) {
	root, err := unix.Open(filepath.Clean(dir), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	defer unix.Close(root)
	how := &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_CLOEXEC,
		Resolve: unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS,
	}
	fd, err := unix.Openat2(root, name, how)
	switch {
	case errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EPERM):
		return nil, errNoOpenat2
	case errors.Is(err, unix.ELOOP), errors.Is(err, unix.EXDEV):
		return nil, ErrSymlink
	case err != nil:
		return nil, err
	}
	return os.NewFile(uintptr(fd), filepath.Join(dir, filepath.FromSlash(name))), nil
}

// openQuick opens name when it is a regular file or folder reached without
// a link, with four calls instead of a check of every folder on the way:
// an Lstat of the path says what it is before anything is opened (so a
// FIFO or device is never opened), openat2 refuses a link in any part of
// it, and the open file is checked to be of the same kind. It reports
// false on anything else, and Open then checks step by step to say what
// is wrong.
func openQuick(dir, name string) (*os.File, bool) {
	p := filepath.Join(dir, filepath.FromSlash(name))
	info, err := os.Lstat(p)
	if err != nil || kindErr(info.Mode()) != nil {
		return nil, false
	}
	f, err := openBeneath(dir, name)
	if err != nil {
		return nil, false
	}
	now, err := f.Stat()
	if err != nil || kindErr(now.Mode()) != nil || now.IsDir() != info.IsDir() {
		f.Close()
		return nil, false
	}
	return f, true
}
