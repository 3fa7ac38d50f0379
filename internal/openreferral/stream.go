package openreferral

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"artsmap/internal/workers"
)

// StreamFiles lays out the export of d as Map(d).Files does, byte for
// byte, but holds no item of it: only each item's path, which provider it
// is made from and its entry in a list page, encoded. An item's document
// is made from its own provider alone, mapped again when the document is
// asked for (whatever an item nests is made from the same provider). At
// 50,000 providers the mapped export held while its files were written
// was some 385 MB of small objects for the garbage collector to mark at
// every collection; the list pages' entries are some 80 MB of bytes,
// which it need not look into. The taxonomies are mapped once and shared.
func StreamFiles(d Directory, root string, pageSize int) []File {
	if pageSize < 1 {
		pageSize = DefaultPageSize
	}
	s := newStream(d, root)
	out := head(root)
	out = append(out, streamKind(s, orgItems, root+"/"+streamedDirs[orgItems], pageSize,
		func(e *Export) []Organization { return e.Organizations }, Organization.id, (*nested).organization)...)
	out = append(out, streamKind(s, serviceItems, root+"/"+streamedDirs[serviceItems], pageSize,
		func(e *Export) []Service { return e.Services }, Service.id, (*nested).service)...)
	out = append(out, streamKind(s, salItems, root+"/"+streamedDirs[salItems], pageSize,
		func(e *Export) []ServiceAtLocation { return e.ServiceAtLocations }, ServiceAtLocation.id, (*nested).serviceAtLocation)...)
	return append(out, s.taxonomies.taxonomyFiles(root, pageSize)...)
}

// The kinds of item made from providers, as stream indexes them.
const (
	orgItems = iota
	serviceItems
	salItems
	streamedKinds
)

// streamedDirs are the folders of the kinds, below the export's: the
// first of Kinds, in the same order.
var streamedDirs = [streamedKinds]string(Kinds[:streamedKinds])

// stream is what StreamFiles holds: the directory, its taxonomies mapped
// once, and every item made from a provider.
type stream struct {
	dir        Directory
	terms      map[TermRef]*TaxonomyTerm // read only, once made
	taxonomies *Export                   // the taxonomies and their terms alone
	slugs      []string                  // by provider
	index      [streamedKinds][]entry    // by kind, in order of id
	err        error                     // from encoding the list pages' entries
}

// entry is one item: its path, the provider it is made from, and its
// entry in a list page, encoded (a piece of its batch's block, see
// newStream).
type entry struct {
	path   string
	at     int
	listed []byte
}

// newStream maps the taxonomies, then the providers, a batch at a time
// on every processor, noting where each item goes and how a list page
// shows it, and letting the rest go.
func newStream(d Directory, root string) *stream {
	m := &mapper{dir: d, terms: map[TermRef]*TaxonomyTerm{}, out: &Export{owners: map[string]string{}}}
	m.taxonomies()
	m.out.sort()
	s := &stream{dir: d, terms: m.terms, taxonomies: m.out, slugs: make([]string, d.count())}
	for lo := 0; lo < len(s.slugs); lo += streamBatch {
		batch := make([]noted, min(streamBatch, len(s.slugs)-lo))
		workers.Each(len(batch), workers.PerCPU(), func(i int) { batch[i] = s.noteAt(lo+i, root) })
		s.addBatch(lo, batch)
	}
	for k := range s.index {
		slices.SortFunc(s.index[k], func(a, b entry) int { return strings.Compare(a.path, b.path) })
	}
	return s
}

// streamBatch is how many providers newStream maps before it notes them:
// enough to keep every processor busy, few enough that their exports are
// never much of the memory.
const streamBatch = 256

// noted is one provider's items, of each kind: their paths and their
// list pages' entries, encoded.
type noted struct {
	slug    string
	paths   [streamedKinds][]string
	entries [streamedKinds][][]byte
	err     error
}

// noteAt notes the provider at: what the directory kept of it (see
// Directory.Noted), or mapped and encoded now.
func (s *stream) noteAt(at int, root string) noted {
	if s.dir.Noted == nil {
		return s.noteOne(s.dir.provider(at), root)
	}
	var n noted
	made := false
	data, err := s.dir.Noted(at, func() ([]byte, error) {
		n, made = s.noteOne(s.dir.provider(at), root), true
		return n.encode(), n.err
	})
	if made {
		return n
	}
	if kept, ok := decodeNoted(data); ok && err == nil && kept.below(root) {
		return kept
	}
	return s.noteOne(s.dir.provider(at), root)
}

// noteOne maps the provider p alone and encodes its items' entries.
func (s *stream) noteOne(p Provider, root string) noted {
	e := s.mapOne(p)
	n := noted{slug: p.Slug}
	note(&n, orgItems, root+"/"+streamedDirs[orgItems]+"/", e.Organizations, Organization.id, Organization.flat)
	note(&n, serviceItems, root+"/"+streamedDirs[serviceItems]+"/", e.Services, Service.id, Service.flat)
	note(&n, salItems, root+"/"+streamedDirs[salItems]+"/", e.ServiceAtLocations, ServiceAtLocation.id, ServiceAtLocation.flat)
	return n
}

// note adds the items of one kind to n.
func note[T any](n *noted, kind int, prefix string, items []T, id func(T) string, flat func(T) T) {
	for _, it := range items {
		b, err := json.Marshal(flat(it))
		if err != nil && n.err == nil {
			n.err = fmt.Errorf("encoding an Open Referral list entry: %w", err)
		}
		n.paths[kind] = append(n.paths[kind], prefix+id(it))
		n.entries[kind] = append(n.entries[kind], b)
	}
}

// addBatch notes the items of the providers from lo on, their entries
// copied into one block: the entries of every item are then some blocks
// of bytes, which the garbage collector need not look into, and no room
// is left over as appending would leave it.
func (s *stream) addBatch(lo int, batch []noted) {
	size := 0
	for _, n := range batch {
		for k := range n.entries {
			for _, e := range n.entries[k] {
				size += len(e)
			}
		}
	}
	block := make([]byte, 0, size)
	for i, n := range batch {
		s.slugs[lo+i] = n.slug
		if n.err != nil && s.err == nil {
			s.err = n.err
		}
		for k := range n.paths {
			for j, p := range n.paths[k] {
				start := len(block)
				block = append(block, n.entries[k][j]...)
				s.index[k] = append(s.index[k], entry{path: p, at: lo + i, listed: block[start:len(block):len(block)]})
			}
		}
	}
}

// mapOne maps one provider alone, its lists in order of id as in Map.
func (s *stream) mapOne(p Provider) *Export {
	m := &mapper{dir: s.dir, terms: s.terms, out: &Export{owners: map[string]string{}}}
	m.provider(p)
	m.out.sort()
	return m.out
}

// streamKind lists one kind's pages, made from the entries noted, and its
// items, each made when asked from its own provider (see layout).
func streamKind[T any](s *stream, kind int, dir string, size int, items func(*Export) []T, id func(T) string,
	full func(*nested, T) T) []File {
	index := s.index[kind]
	page := func(lo, hi int) ([]json.RawMessage, error) {
		out := make([]json.RawMessage, 0, hi-lo)
		for _, ent := range index[lo:hi] {
			out = append(out, ent.listed)
		}
		return out, s.err
	}
	files := layout(dir, size, len(index), page, func(i int) File {
		ent := index[i]
		return File{Path: ent.path, Owner: s.slugs[ent.at], Encode: func() ([]byte, error) {
			e, want := s.mapOne(s.dir.provider(ent.at)), ent.path[len(dir)+1:]
			for _, it := range items(e) {
				if id(it) == want {
					return encode(full(nesting(e), it))
				}
			}
			return nil, fmt.Errorf("the Open Referral item %s is no longer made (its profile changed during the build)", ent.path)
		}}
	})
	for lo, p := 0, 0; lo < len(index); lo, p = lo+size, p+1 { // the pages come first, page-1.json first
		l := &PageItems{Total: len(index)}
		for _, ent := range index[lo:min(lo+size, len(index))] {
			l.Items = append(l.Items, Listed{Path: ent.path, Owner: s.slugs[ent.at]})
		}
		files[p].Listed = l
	}
	return files
}
