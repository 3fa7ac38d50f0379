package site

import (
	"bufio"
	"errors"
	"io"
	"os"
	"sync"

	"artsmap/internal/cachefile"
)

// cardsKind names the cards cache in its heading (see cachefile).
const cardsKind = "artsmap provider fragments 2"

// cardStore keeps what a build made of each provider alone for the next
// build of the site (in the site's cache folder, see folderCache): the
// directory cards and the pieces of the files that list every provider
// (see fragment), each under a key of everything it is made from, the
// site-wide inputs, its provider's folder and what it is (keyBase.key),
// so that a piece whose key is unchanged is taken instead of made again.
// The pieces kept before are read from their file one at a time, as they
// are asked for (at 50,000 providers they are some 250 MB). A piece made
// is written at once to the next file, never held for it; the pieces
// taken are copied into it, as they were, when the build is done. Only
// the pieces of this build are kept for the next. A nil store keeps
// nothing.
type cardStore struct {
	base  *keyBase
	old   io.ReaderAt // the pieces kept before
	spans map[string]cachefile.Span
	lock  *os.File // the cache folder's lock, held from open to save; nil when another build held it
	next  *os.File // where this build's pieces go, while the lock is held
	mu    sync.Mutex
	w     *bufio.Writer
	err   error                     // the first error writing w
	taken map[string]cachefile.Span // the pieces taken from old, to copy
	made  map[string]bool           // the pieces made and written
}

// newCardStore reads the index of the pieces kept in old (nil for none),
// written by the program salt identifies, for a build keyed by base. The
// pieces made go to w; nil keeps none.
func newCardStore(base *keyBase, old io.ReaderAt, size int64, salt []byte, w io.Writer) *cardStore {
	cs := &cardStore{base: base, old: old, spans: map[string]cachefile.Span{},
		taken: map[string]cachefile.Span{}, made: map[string]bool{}}
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
// and its key now (keyed is false when p has none). A piece taken is kept
// for the next build.
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
	cs.mu.Lock()
	cs.taken[name] = span
	cs.mu.Unlock()
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

// changed reports whether the pieces this build used differ from those
// kept before.
func (cs *cardStore) changed() bool {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return len(cs.made) > 0 || len(cs.taken) != len(cs.spans)
}

// finish copies the pieces taken into the next file, after those made, in
// the order they were in, and writes it out.
func (cs *cardStore) finish() error {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	spans := make([]cachefile.Span, 0, len(cs.taken))
	for name, s := range cs.taken {
		if !cs.made[name] {
			spans = append(spans, s)
		}
	}
	for _, s := range cachefile.Runs(spans) {
		if cs.err == nil {
			_, cs.err = io.Copy(cs.w, io.NewSectionReader(cs.old, s.Off, s.Len))
		}
	}
	return errors.Join(cs.err, cs.w.Flush())
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
// build, when they changed and ok (the build's files were written); it
// closes the files and lets the lock go.
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
	keep := ok && cs.changed()
	var err error
	if keep {
		err = cs.finish()
	}
	err = errors.Join(err, cs.next.Close())
	if !keep || err != nil || os.Rename(c.path(cardsNext), c.path(cardsFile)) != nil {
		os.Remove(c.path(cardsNext))
	}
}
