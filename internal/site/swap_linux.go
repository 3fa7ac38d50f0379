package site

import (
	"errors"

	"golang.org/x/sys/unix"
)

// renameExchange exchanges the folders a and b in one step (renameat2 with
// RENAME_EXCHANGE), so that neither name is ever missing.
func renameExchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.EOPNOTSUPP) {
		return errNoExchange
	}
	return err
}
