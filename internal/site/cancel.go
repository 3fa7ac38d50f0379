package site

import (
	"context"
	"errors"
	"io/fs"
)

// Stopped is the error of a check or build whose context ended: Ctrl-C,
// a signal, or a deadline. It unwraps to the context's error.
type Stopped struct{ Cause error }

func (s *Stopped) Error() string {
	if errors.Is(s.Cause, context.DeadlineExceeded) {
		return "stopped: it took too long; nothing was written"
	}
	return "stopped before the end; nothing was written"
}

// Unwrap returns the context's error.
func (s *Stopped) Unwrap() error { return s.Cause }

func stopped(err error) error { return &Stopped{Cause: err} }

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
