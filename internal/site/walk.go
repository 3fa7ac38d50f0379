package site

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"artsmap/internal/sitefs"
	"artsmap/internal/workers"
)

// walkParallel calls visit for every entry under root (not root itself),
// with its slash path relative to root, listing up to n folders at once;
// visit, called from several goroutines, says whether to go into a
// folder. An entry's Info is good only during the call. Links and special
// files are listed as what they are, never followed. It returns an error
// listing a folder when it meets one (of those it met, the folder first
// in name order); the walk then stops as soon as the folders being listed
// are done.
// Each folder's state is put in states (when not nil) before it is
// listed.
func walkParallel(root string, n int, states *folderStates, visit func(rel string, e fs.DirEntry) bool) error {
	return walkQueue(&walker{root: root, visit: visit, queue: []string{"."}, states: states}, n)
}

// walkFolders is walkParallel over the entries of the folders dirs (slash
// paths below root, "." for root), going only into the folders that
// visit says to go into and that listed says were not listed before: a
// folder listed before is in dirs when it changed since, and one that was
// not (made since, in place of one gone) is walked whole. states, when not
// nil, notes the state of each folder listed.
func walkFolders(root string, dirs []string, n int, states *folderStates, listed func(rel string) bool, visit func(rel string, e fs.DirEntry) bool) error {
	shallow := func(rel string, e fs.DirEntry) bool { return visit(rel, e) && !listed(rel) }
	return walkQueue(&walker{root: root, visit: shallow, queue: slices.Clone(dirs), goneOK: true, states: states}, n)
}

func walkQueue(w *walker, n int) error {
	w.cond = sync.NewCond(&w.mu)
	var wg sync.WaitGroup
	for range max(n, 1) {
		wg.Go(w.work)
	}
	wg.Wait()
	return w.err
}

// walker is the state walkParallel's goroutines share.
type walker struct {
	root   string
	visit  func(rel string, e fs.DirEntry) bool
	states *folderStates // nil when not kept
	goneOK bool          // a folder gone before it is listed is passed over
	mu     sync.Mutex
	cond   *sync.Cond
	queue  []string // folders to list
	active int      // folders being listed
	err    error
	errDir string // the folder err is about
}

// work lists folders from the queue until none is left or being listed.
func (w *walker) work() {
	for {
		w.mu.Lock()
		for len(w.queue) == 0 && w.active > 0 && w.err == nil {
			w.cond.Wait()
		}
		if len(w.queue) == 0 || w.err != nil {
			w.mu.Unlock()
			w.cond.Broadcast()
			return
		}
		dir := w.queue[len(w.queue)-1]
		w.queue = w.queue[:len(w.queue)-1]
		w.active++
		w.mu.Unlock()
		sub, err := w.list(dir)
		w.mu.Lock()
		w.queue = append(w.queue, sub...)
		w.active--
		if err != nil && (w.err == nil || comparePaths(dir, w.errDir) < 0) {
			w.err, w.errDir = err, dir // the first in name order, whichever failed first
		}
		w.mu.Unlock()
		w.cond.Broadcast()
	}
}

// list visits the entries of dir and returns the folders to go into.
// An entry's Info states it relative to the open folder (see readFolder).
func (w *walker) list(dir string) ([]string, error) {
	st, entries, done, err := readFolder(filepath.Join(w.root, filepath.FromSlash(dir)), dir == ".", w.states != nil)
	if err != nil && w.goneOK && errors.Is(err, fs.ErrNotExist) {
		return nil, nil // its folder's listing shows what took its place
	}
	if err != nil {
		return nil, err
	}
	defer done()
	w.states.put(dir, st) // taken before the listing: a change after it changes the state
	var sub []string
	for _, e := range entries {
		rel := path.Join(dir, e.Name())
		if w.visit(rel, e) && e.IsDir() {
			sub = append(sub, rel)
		}
	}
	return sub, nil
}

// comparePaths orders slash paths as a walk in name order meets them:
// part by part, so that a folder's files come before a longer name
// beside the folder ("a/x" before "a-b").
func comparePaths(a, b string) int {
	for {
		ha, ra, moreA := strings.Cut(a, "/")
		hb, rb, moreB := strings.Cut(b, "/")
		if c := strings.Compare(ha, hb); c != 0 || !moreA || !moreB {
			if c == 0 {
				return boolCompare(moreA, moreB)
			}
			return c
		}
		a, b = ra, rb
	}
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	default:
		return -1
	}
}

// folderStates are the folders a walk listed, each as it was just before
// it was listed (its identity, see sitefs.Identity: a change of an entry's
// name, added, removed or renamed, sets the folder's modification and
// change times), and when.
type folderStates struct {
	mu sync.Mutex
	m  map[string]stateAt
}

type stateAt struct {
	id      string // "" when it could not be had
	changed time.Time
	listed  time.Time
}

// has reports whether the walk listed dir.
func (s *folderStates) has(dir string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.m[dir]
	return ok
}

func newFolderStates() *folderStates { return &folderStates{m: map[string]stateAt{}} }

// put notes st, the state of the folder at the slash path dir.
func (s *folderStates) put(dir string, st stateAt) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.m[dir] = st
	s.mu.Unlock()
}

// settled gives the identity of each folder noted that was changed well
// before it was listed (see sitefs.RacyMargin) and that holds none of the
// slash paths a commit renames or removes (changed, gone), nor held one
// of those it removes: the folders the next build need not list when
// they are still so (see quietFolders). The top folder is never among
// them, as every build changes it.
func (s *folderStates) settled(changed, gone []string) map[string]string {
	touched := folders(slices.Concat(changed, gone))
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string, len(s.m))
	for dir, st := range s.m {
		if dir != "." && st.id != "" && !touched[dir] && st.changed.Before(st.listed.Add(-sitefs.RacyMargin)) {
			out[dir] = st.id
		}
	}
	return out
}

// changed lists the folders below root whose identity differs from the
// one noted, that were changed within sitefs.RacyMargin of being listed,
// or whose identity was not noted or cannot be had, in path order.
func (s *folderStates) changed(root string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	dirs := slices.Collect(maps.Keys(s.m))
	same := make([]bool, len(dirs))
	workers.Each(len(dirs), workers.PerCPU(), func(i int) { // a stat each: on every processor
		was := s.m[dirs[i]]
		info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(dirs[i])))
		if err != nil || was.id == "" || !was.changed.Before(was.listed.Add(-sitefs.RacyMargin)) {
			return
		}
		id, _, ok := sitefs.Identity(info)
		same[i] = ok && id == was.id
	})
	var out []string
	for i, dir := range dirs {
		if !same[i] {
			out = append(out, dir)
		}
	}
	slices.SortFunc(out, comparePaths)
	return out
}
