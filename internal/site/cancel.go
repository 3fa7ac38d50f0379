package site

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"slices"
	"sync"
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

// cancelFS opens nothing once its context has ended, so that a load stops
// between files, and keeps the names of the files being opened or read,
// so that a load that does not finish can say which files it waits for.
type cancelFS struct {
	ctx context.Context
	fs.FS
	open *openFiles
}

// newCancelFS wraps fsys.
func newCancelFS(ctx context.Context, fsys fs.FS) cancelFS {
	return cancelFS{ctx: ctx, FS: fsys, open: &openFiles{names: map[string]int{}}}
}

// Open opens name unless the context has ended.
func (c cancelFS) Open(name string) (fs.File, error) {
	if err := c.begin("open", name); err != nil {
		return nil, err
	}
	f, err := c.FS.Open(name)
	if err != nil {
		c.open.add(name, -1)
		return nil, err
	}
	return &trackedFile{File: f, name: name, open: c.open}, nil
}

// Lstat states name, without following a link at its end, unless the
// context has ended; it is waited for as an opening is.
func (c cancelFS) Lstat(name string) (fs.FileInfo, error) {
	if err := c.begin("lstat", name); err != nil {
		return nil, err
	}
	defer c.open.add(name, -1)
	return fs.Lstat(c.FS, name)
}

// Stat states name unless the context has ended.
func (c cancelFS) Stat(name string) (fs.FileInfo, error) {
	if err := c.begin("stat", name); err != nil {
		return nil, err
	}
	defer c.open.add(name, -1)
	return fs.Stat(c.FS, name)
}

// ReadLink reads a link unless the context has ended.
func (c cancelFS) ReadLink(name string) (string, error) {
	if err := c.begin("readlink", name); err != nil {
		return "", err
	}
	defer c.open.add(name, -1)
	return fs.ReadLink(c.FS, name)
}

// ReadDir lists a folder unless the context has ended.
func (c cancelFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := c.begin("readdir", name); err != nil {
		return nil, err
	}
	defer c.open.add(name, -1)
	return fs.ReadDir(c.FS, name)
}

// begin notes that name is being read, or fails once the context has ended.
func (c cancelFS) begin(op, name string) error {
	if err := c.ctx.Err(); err != nil {
		return &fs.PathError{Op: op, Path: name, Err: err}
	}
	c.open.add(name, 1)
	return nil
}

// openFiles counts the files open under each name.
type openFiles struct {
	mu    sync.Mutex
	names map[string]int
}

func (o *openFiles) add(name string, n int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.names[name] += n; o.names[name] <= 0 {
		delete(o.names, name)
	}
}

// list returns the names open now, A to Z.
func (o *openFiles) list() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Sorted(maps.Keys(o.names))
}

// trackedFile is an open file of a cancelFS; closing it forgets its name.
type trackedFile struct {
	fs.File
	name   string
	open   *openFiles
	closed sync.Once
}

func (f *trackedFile) Close() error {
	f.closed.Do(func() { f.open.add(f.name, -1) })
	return f.File.Close()
}

// ReadDir lists a folder, as fs.ReadDir needs.
func (f *trackedFile) ReadDir(n int) ([]fs.DirEntry, error) {
	d, ok := f.File.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: f.name, Err: errors.New("not a folder")}
	}
	return d.ReadDir(n)
}
