package site

import (
	"context"
	"fmt"
	"io/fs"
)

// stopped wraps the error of a context that ended a check or build.
func stopped(err error) error {
	return fmt.Errorf("stopped before the end; nothing was written: %w", err)
}

// cancelFS opens nothing once its context has ended, so that a load
// stops between files.
type cancelFS struct {
	ctx context.Context
	fs.FS
}

// Open opens name unless the context has ended.
func (c cancelFS) Open(name string) (fs.File, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return c.FS.Open(name)
}
