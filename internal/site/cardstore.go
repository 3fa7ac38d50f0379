package site

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"
	"sync"

	"artsmap/internal/cachefile"
)

// cardsKind names the cards cache in its heading (see cachefile).
const cardsKind = "artsmap provider fragments 3"

// cardStore keeps what a build made of each provider alone for the next
// build of the site (in the site's cache folder, see folderCache): the
// directory cards and the pieces of the files that list every provider
// (see fragment), each under a key of everything it is made from, the
// site-wide inputs, its provider's folder and what it is (keyBase.key),
// so that a piece whose key is unchanged is taken instead of made again.
// The pieces kept before are read from their file one at a time, as they
// are asked for (at 50,000 providers they are some 350 MB). A piece made
// is written at once to the next file, never held for it. When the build
// is done, the pieces kept before are copied into it as they were, but
// for those made again and those of provider folders gone from the site:
// a piece this build did not ask for (the cards of a page kept without
// being made) is kept for a build that does, and one whose key is stale
// is only never taken. A nil store keeps nothing.
type cardStore struct {
	base  *keyBase
	old   io.ReaderAt // the pieces kept before
	spans map[string]cachefile.Span
	lock  *os.File // the cache folder's lock, held from open to save; nil when another build held it
	next  *os.File // where this build's pieces go, while the lock is held
	mu    sync.Mutex
	w     *bufio.Writer
	err   error           // the first error writing w
	made  map[string]bool // the pieces made and written
	// finished, once finishEarly is called, gives finish's result.
	finished func() (bool, error)
}

// finishEarly starts finish on a goroutine of its own, for it to run
// while the build puts its files in place: the caller makes no piece
// after it. saveCards takes its result.
func (cs *cardStore) finishEarly() {
	if cs == nil || cs.lock == nil || cs.finished != nil {
		return
	}
	type result struct {
		keep bool
		err  error
	}
	done := make(chan result, 1)
	go func() { keep, err := cs.finish(); done <- result{keep, err} }()
	cs.finished = sync.OnceValues(func() (bool, error) { r := <-done; return r.keep, r.err })
}

// newCardStore reads the index of the pieces kept in old (nil for none),
// written by the program salt identifies, for a build keyed by base. The
// pieces made go to w; nil keeps none.
func newCardStore(base *keyBase, old io.ReaderAt, size int64, salt []byte, w io.Writer) *cardStore {
	cs := &cardStore{base: base, old: old, spans: map[string]cachefile.Span{}, made: map[string]bool{}}
	if old != nil {
		cs.spans = cachefile.Index(io.NewSectionReader(old, 0, size), size, cachefile.Heading(cardsKind, salt), 1)
	}
	if w != nil {
		cs.w = bufio.NewWriterSize(w, 1<<20)
		cs.w.Write(cachefile.Heading(cardsKind, salt))
	}
	return cs
}

// pieceName names the piece what of p in the store.
func pieceName(p *Provider, what string) string { return what + " " + p.folder }

// get returns the kept piece what of p when its key is unchanged (hit),
// and its key now (keyed is false when p has none).
func (cs *cardStore) get(p *Provider, what string) (data []byte, key cachefile.Key, hit, keyed bool) {
	if cs == nil {
		return nil, key, false, false
	}
	key, keyed = cs.base.key(p, what)
	name := pieceName(p, what)
	span, found := cs.spans[name]
	if !keyed || !found {
		return nil, key, false, keyed
	}
	got, e, ok := cachefile.ReadRecord(cs.old, span, 1)
	if !ok || got != name || e.Key != key {
		return nil, key, false, true
	}
	return e.Parts[0], key, true, true
}

// put keeps the piece what of p, just made, under key.
func (cs *cardStore) put(p *Provider, what string, key cachefile.Key, data []byte) {
	if cs == nil {
		return
	}
	name := pieceName(p, what)
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.made[name] {
		return
	}
	cs.made[name] = true
	if cs.w != nil && cs.err == nil {
		_, cs.err = cs.w.Write(cachefile.Record(name, cachefile.Entry{Key: key, Parts: [][]byte{data}}))
	}
}

// fragment is the piece what of p: the one kept when its key is
// unchanged, else what make makes of p alone, kept for the next build.
func (cs *cardStore) fragment(p *Provider, what string, make func() ([]byte, error)) ([]byte, error) {
	kept, key, hit, keyed := cs.get(p, what)
	if hit {
		return kept, nil
	}
	data, err := make()
	if keyed && err == nil {
		cs.put(p, what, key, data)
	}
	return data, err
}

// keptSpans lists where the pieces kept before are that are to be kept
// again: all but those made again and those of provider folders no
// longer in the site.
func (cs *cardStore) keptSpans() []cachefile.Span {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	spans := make([]cachefile.Span, 0, len(cs.spans))
	for name, s := range cs.spans {
		folder := name[strings.LastIndexByte(name, ' ')+1:] // see pieceName
		if _, ok := cs.base.folders[folder]; ok && !cs.made[name] {
			spans = append(spans, s)
		}
	}
	return spans
}

// finish copies the pieces kept before that are to be kept again into
// the next file, after those made, in the order they were in, and writes
// it out; it reports false, writing nothing, when nothing changed.
func (cs *cardStore) finish() (bool, error) {
	spans := cs.keptSpans()
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if len(cs.made) == 0 && len(spans) == len(cs.spans) {
		return false, nil
	}
	for _, s := range cachefile.Runs(spans) {
		if cs.err == nil {
			_, cs.err = io.Copy(cs.w, io.NewSectionReader(cs.old, s.Off, s.Len))
		}
	}
	return true, errors.Join(cs.err, cs.w.Flush())
}

// openCardStore opens the pieces the site's cache holds for a build keyed
// by base; nil when there is no cache or no base. While no other build
// holds the cache's lock, the store holds it and writes what it makes to
// the next file; otherwise it only reads.
func (c *folderCache) openCardStore(base *keyBase) *cardStore {
	if c == nil || base == nil {
		return nil
	}
	var old io.ReaderAt // nil, not a nil *os.File, when there is none
	f, size := openCacheFile(c.path(cardsFile))
	if f != nil {
		c.cards, old = f, f
	}
	lock, err := lockFolder(c.dir)
	if err != nil {
		return newCardStore(base, old, size, c.salt, nil)
	}
	next, err := createCacheFile(c.path(cardsNext))
	if err != nil {
		lock.Close()
		return newCardStore(base, old, size, c.salt, nil)
	}
	cs := newCardStore(base, old, size, c.salt, next)
	cs.lock, cs.next = lock, next
	return cs
}

// saveCards replaces the site's cards cache with the pieces of this
// build and those kept (see cardStore), when they changed and ok (the
// build's files were written); it closes the files and lets the lock go.
func (c *folderCache) saveCards(cs *cardStore, ok bool) {
	if c == nil {
		return
	}
	if c.cards != nil {
		defer c.cards.Close()
	}
	if cs == nil || cs.lock == nil {
		return
	}
	defer cs.lock.Close() // closing it unlocks
	keep, err := false, error(nil)
	switch {
	case cs.finished != nil: // waited for even when not ok: it writes to cs.next
		keep, err = cs.finished()
	case ok:
		keep, err = cs.finish()
	}
	keep = keep && ok
	err = errors.Join(err, cs.next.Close())
	if !keep || err != nil || os.Rename(c.path(cardsNext), c.path(cardsFile)) != nil {
		os.Remove(c.path(cardsNext))
	}
}
