package openreferral

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
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
	out = append(out, streamKind(s, orgItems, root+"/organizations", pageSize,
		func(e *Export) []Organization { return e.Organizations }, Organization.id, (*nested).organization)...)
	out = append(out, streamKind(s, serviceItems, root+"/services", pageSize,
		func(e *Export) []Service { return e.Services }, Service.id, (*nested).service)...)
	out = append(out, streamKind(s, salItems, root+"/service_at_locations", pageSize,
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

// stream is what StreamFiles holds: the directory, its taxonomies mapped
// once, and every item made from a provider.
type stream struct {
	dir        Directory
	terms      map[TermRef]*TaxonomyTerm // read only, once made
	taxonomies *Export                   // the taxonomies and their terms alone
	slugs      []string                  // by provider
	index      [streamedKinds][]entry    // by kind, in order of id
	listed     [streamedKinds][]byte     // by kind: each item as a list page shows it, encoded (see entry)
	err        error                     // from encoding the list pages' entries
}

// entry is one item: its path, the provider it is made from, and where
// its entry in a list page is in the stream's listed bytes of its kind.
type entry struct {
	path   string
	at     int
	lo, hi int
}

// newStream maps the taxonomies, then each provider in turn, noting where
// each item goes and how a list page shows it, and letting the rest go.
func newStream(d Directory, root string) *stream {
	m := &mapper{dir: d, terms: map[TermRef]*TaxonomyTerm{}, out: &Export{owners: map[string]string{}}}
	m.taxonomies()
	m.out.sort()
	s := &stream{dir: d, terms: m.terms, taxonomies: m.out, slugs: make([]string, d.count())}
	for at := range s.slugs {
		p := d.provider(at)
		s.slugs[at] = p.Slug
		e := s.mapOne(p)
		note(s, orgItems, root+"/organizations/", at, e.Organizations, Organization.id, Organization.flat)
		note(s, serviceItems, root+"/services/", at, e.Services, Service.id, Service.flat)
		note(s, salItems, root+"/service_at_locations/", at, e.ServiceAtLocations, ServiceAtLocation.id, ServiceAtLocation.flat)
	}
	for k := range s.index {
		slices.SortFunc(s.index[k], func(a, b entry) int { return strings.Compare(a.path, b.path) })
		s.listed[k] = bytes.Clone(s.listed[k]) // without the room append left
	}
	return s
}

// note adds the items of one kind of the provider at.
func note[T any](s *stream, kind int, prefix string, at int, items []T, id func(T) string, flat func(T) T) {
	for _, it := range items {
		b, err := json.Marshal(flat(it))
		if err != nil && s.err == nil {
			s.err = fmt.Errorf("encoding an Open Referral list entry: %w", err)
		}
		lo := len(s.listed[kind])
		s.listed[kind] = append(s.listed[kind], b...)
		s.index[kind] = append(s.index[kind], entry{path: prefix + id(it), at: at, lo: lo, hi: len(s.listed[kind])})
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
	index, listed := s.index[kind], s.listed[kind]
	page := func(lo, hi int) ([]json.RawMessage, error) {
		out := make([]json.RawMessage, 0, hi-lo)
		for _, ent := range index[lo:hi] {
			out = append(out, listed[ent.lo:ent.hi])
		}
		return out, s.err
	}
	return layout(dir, size, len(index), page, func(i int) File {
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
}
