package site

import (
	"bufio"
	"html/template"
	"io"
	"maps"
	"slices"
	"sync"

	"artsmap/internal/cachefile"
)

// cardsKind names the cards cache in its heading (see cachefile).
const cardsKind = "artsmap provider cards 1"

// cardStore keeps the directory cards a build rendered for the next
// build of the site (in the site's cache folder, see folderCache): each
// card under a key of everything it is made from, the site-wide inputs,
// its provider's folder and the layout (keyBase.key), so that a card
// whose key is unchanged is taken instead of rendered again. The cards
// kept before are read from their file one at a time, as they are asked
// for (at 50,000 providers they are some 150 MB); only the cards of this
// build are kept for the next. A nil store keeps nothing.
type cardStore struct {
	base  *keyBase
	old   io.ReaderAt // the cards kept before
	spans map[string]cachefile.Span
	mu    sync.Mutex
	used  map[string]usedCard
	made  int // cards rendered, not taken
}

// usedCard is a card of this build and its key.
type usedCard struct {
	key  cachefile.Key
	html template.HTML
}

// newCardStore reads the index of the cards kept in old (nil for none),
// written by the program salt identifies, for a build keyed by base.
func newCardStore(base *keyBase, old io.ReaderAt, size int64, salt []byte) *cardStore {
	cs := &cardStore{base: base, old: old, spans: map[string]cachefile.Span{}, used: map[string]usedCard{}}
	if old != nil {
		cs.spans = cachefile.Index(io.NewSectionReader(old, 0, size), size, cachefile.Heading(cardsKind, salt), 1)
	}
	return cs
}

// cardName names the card of p rendered with layout in the store.
func cardName(p *Provider, layout string) string { return layout + " " + p.folder }

// get returns the kept card of p for layout when its key is unchanged
// (hit), and its key now (keyed is false when p has none).
func (cs *cardStore) get(p *Provider, layout string) (html template.HTML, key cachefile.Key, hit, keyed bool) {
	if cs == nil {
		return "", key, false, false
	}
	key, keyed = cs.base.key(p, "card "+layout)
	span, found := cs.spans[cardName(p, layout)]
	if !keyed || !found {
		return "", key, false, keyed
	}
	name, e, ok := cachefile.ReadRecord(cs.old, span, 1)
	if !ok || name != cardName(p, layout) || e.Key != key {
		return "", key, false, true
	}
	return template.HTML(e.Parts[0]), key, true, true // rendered by html/template when it was kept
}

// put keeps the card of p for layout under key; made says it was
// rendered, not taken.
func (cs *cardStore) put(p *Provider, layout string, key cachefile.Key, html template.HTML, made bool) {
	if cs == nil {
		return
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.used[cardName(p, layout)] = usedCard{key, html}
	if made {
		cs.made++
	}
}

// changed reports whether the cards this build used differ from those
// kept before.
func (cs *cardStore) changed() bool {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.made > 0 || len(cs.used) != len(cs.spans)
}

// writeTo writes the cache of the cards this build used, by name.
func (cs *cardStore) writeTo(w io.Writer, salt []byte) error {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.Write(cachefile.Heading(cardsKind, salt))
	for _, name := range slices.Sorted(maps.Keys(cs.used)) {
		c := cs.used[name]
		bw.Write(cachefile.Record(name, cachefile.Entry{Key: c.key, Parts: [][]byte{[]byte(c.html)}}))
	}
	return bw.Flush()
}

// openCardStore opens the cards the site's cache holds for a build keyed
// by base; nil when there is no cache or no base.
func (c *folderCache) openCardStore(base *keyBase) *cardStore {
	if c == nil || base == nil {
		return nil
	}
	f, size := openCacheFile(c.path(cardsFile))
	if f == nil {
		return newCardStore(base, nil, 0, c.salt)
	}
	c.cards = f
	return newCardStore(base, f, size, c.salt)
}

// saveCards replaces the site's cards cache with the cards of this build,
// when they changed and the cache's lock is free; it closes the file read.
func (c *folderCache) saveCards(cs *cardStore, ok bool) {
	if c == nil {
		return
	}
	if c.cards != nil {
		defer c.cards.Close()
	}
	if cs == nil || !ok || !cs.changed() {
		return
	}
	lock, err := lockFolder(c.dir)
	if err != nil {
		return
	}
	defer lock.Close()
	replaceCacheFile(c.path(cardsNext), c.path(cardsFile), func(w io.Writer) error { return cs.writeTo(w, c.salt) })
}
