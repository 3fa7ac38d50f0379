package site

import (
	"context"
	"time"

	"artsmap/internal/content"
	"artsmap/internal/diag"
)

// DefaultLoadLimit is how long a live reload may read the site when the
// options set no LoadLimit.
const DefaultLoadLimit = 10 * time.Second

// generation is a loader with the file system it reads through. A reload
// that is given up may still be reading with it, so it is never used again.
type generation struct {
	loader *content.Loader
	fsys   *liveFS
}

// liveFS is the site folder as a live reload reads it: each reload gets a
// fresh cancelFS with its own deadline and list of open files.
type liveFS struct{ cancelFS }

func (l *Live) newGeneration() *generation {
	fsys := &liveFS{newCancelFS(context.Background(), l.opts.Site)}
	return &generation{loader: content.NewLoader(fsys, content.Options{Now: l.opts.now()}), fsys: fsys}
}

func (o *Options) loadLimit() time.Duration {
	if o.LoadLimit > 0 {
		return o.LoadLimit
	}
	return DefaultLoadLimit
}

// reload loads, assembles and prepares the site within the load limit,
// parsing the layouts only when one changed (or for the first reload).
// Content files are read through a cancelFS, so that a reload given up
// names them; a layout that cannot be read is caught by the limit too.
func (l *Live) reload(changed []string) (Result, *snapshot, error) {
	type done struct {
		res     Result
		snap    *snapshot
		layouts layoutSet
		err     error
	}
	if layoutsChanged(changed) {
		l.layouts = nil // parsed again by the next snapshot
	}
	parsed := l.layouts
	ctx, cancel := context.WithTimeout(l.opts.ctx(), l.opts.loadLimit())
	defer cancel()
	gen := l.gen
	gen.fsys.cancelFS = newCancelFS(ctx, l.opts.Site)
	fsys := gen.fsys.cancelFS
	c := make(chan done, 1)
	go func() {
		cs, probs := gen.loader.Load(contentPaths(changed))
		res := Result{Problems: probs.Items()}
		err := probs.Err()
		var snap *snapshot
		ls := parsed
		if err == nil && ctx.Err() == nil {
			s := assembleCached(cs, l.opts.now(), probs, &l.cache)
			res.Problems = probs.Items()
			snap, ls, err = l.snapshot(s, ls)
		}
		c <- done{res, snap, ls, err}
	}()
	select {
	case d := <-c:
		if ctx.Err() == nil {
			l.layouts = d.layouts // kept for the next update unless a layout changes
			return d.res, d.snap, d.err
		}
	case <-ctx.Done():
	}
	l.gen = l.newGeneration()
	return l.givenUp(ctx, fsys.open.list())
}

// givenUp is the outcome of a reload that did not finish in time or was
// stopped: the files it was still reading, each a problem.
func (l *Live) givenUp(ctx context.Context, waiting []string) (Result, *snapshot, error) {
	if ctx.Err() != context.DeadlineExceeded {
		return Result{}, nil, stopped(ctx.Err())
	}
	var probs diag.List
	limit := l.opts.loadLimit().Round(time.Millisecond)
	for _, name := range waiting {
		probs.Errorf(name, 0, 0, "could not be read within %v: it may be a named pipe or device, or on a drive that stopped answering", limit).Hint =
			"make it an ordinary file or remove it, then save any file to read the site again"
	}
	if probs.Len() == 0 {
		probs.Errorf("content", 0, 0, "reading the site took longer than %v and was given up", limit).Hint = "save any file to read the site again"
	}
	return Result{Problems: probs.Items()}, nil, probs.Err()
}
