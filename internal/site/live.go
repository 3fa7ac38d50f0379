package site

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"artsmap/internal/diag"
)

// Live is a site kept in memory for previewing. Pages are rendered when
// first asked for; an update reloads only what changed and keeps the last
// good site when the content has errors.
type Live struct {
	opts  Options
	gen   *generation // the loader; replaced when a load is given up
	cache renderCache
	// layouts are the parsed layouts of the last good snapshot: nil until
	// one, and again when a file under layouts/ changes.
	layouts layoutSet

	mu      sync.RWMutex
	current *snapshot // the last site that built; nil until one does
	probs   []diag.Problem
	err     error // the last update's error
	version int   // counts good updates
}

// snapshot is one built site: what every path serves.
type snapshot struct {
	site    *Site
	table   map[string]output
	static  fs.FS
	bundles map[string]string
	ts      templates

	mu    sync.Mutex
	files map[string][]byte
}

// NewLive loads the site. The error is the first build's, if any; the Live
// is usable either way, and later updates may mend it.
func NewLive(opts Options) (*Live, Result, error) {
	l := &Live{opts: opts}
	l.gen = l.newGeneration()
	res, err := l.Update(nil)
	return l, res, err
}

// Update reloads after the site-relative paths changed (nil: everything).
// A reload that reads for longer than the options' LoadLimit is given up:
// the files it was still reading are reported as problems, the last good
// site stays, and the next update starts afresh.
func (l *Live) Update(changed []string) (Result, error) {
	res, snap, err := l.reload(changed)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.probs, l.err = res.Problems, err
	if snap != nil {
		l.current = snap
		l.version++
		res.Pages = len(snap.site.pages())
	}
	return res, err
}

// contentPaths keeps the changed paths under content/; changes elsewhere
// (layouts, static) need no content reload. nil stays nil.
func contentPaths(changed []string) []string {
	if changed == nil {
		return nil
	}
	out := []string{}
	for _, p := range changed {
		if strings.HasPrefix(p, "content/") {
			out = append(out, p)
		}
	}
	return out
}

// layoutsChanged reports whether the changed paths (nil: everything)
// include a file under layouts/, so that the layouts must be parsed again.
func layoutsChanged(changed []string) bool {
	return changed == nil || slices.ContainsFunc(changed, func(p string) bool {
		return p == "layouts" || strings.HasPrefix(p, "layouts/")
	})
}

// snapshot prepares a site with the layouts parsed before (ls), or parses
// them when ls is nil; it returns the layouts it used.
func (l *Live) snapshot(s *Site, ls layoutSet) (*snapshot, layoutSet, error) {
	ts, ls, static, err := prepare(s, l.opts, ls)
	if err != nil {
		return nil, nil, err
	}
	table := s.outputs(ts).files
	return &snapshot{site: s, table: table, static: static, bundles: s.bundleFiles(), ts: ts, files: map[string][]byte{}}, ls, nil
}

// Status returns the problems of the last update, how many good updates
// there have been, and the last update's error.
func (l *Live) Status() (problems []diag.Problem, version int, err error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.probs, l.version, l.err
}

// ErrNotFound is returned by Get for a path the site does not have.
var ErrNotFound = errors.New("not found")

// Get returns the file at an output path ("providers/mindsong/index.html")
// from the last good site, rendering it the first time.
func (l *Live) Get(name string) ([]byte, error) {
	l.mu.RLock()
	snap := l.current
	l.mu.RUnlock()
	if snap == nil {
		return nil, ErrNotFound
	}
	return snap.get(name, l.opts.Site)
}

func (s *snapshot) get(name string, site fs.FS) ([]byte, error) {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	if out, ok := s.table[name]; ok {
		s.mu.Lock()
		data, done := s.files[name]
		s.mu.Unlock()
		if done {
			return data, nil
		}
		data, err := out()
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.files[name] = data
		s.mu.Unlock()
		return data, nil
	}
	if src, ok := s.bundles[name]; ok {
		return fs.ReadFile(site, src)
	}
	if !published(name) {
		return nil, ErrNotFound
	}
	if data, err := fs.ReadFile(s.static, name); err == nil {
		return data, nil
	}
	return nil, ErrNotFound
}
