package openreferral

import (
	"fmt"
	"slices"
	"strings"
)

// StreamFiles lays out the export of d as Map(d).Files does, byte for
// byte, but holds no item of it: only each item's path and which provider
// it is made from. An item's document is made from its own provider
// alone, mapped again when the document is asked for (whatever an item
// nests is made from the same provider), and a list page from the
// providers of the items it lists. At 50,000 providers the mapped export
// held while its files were written was some 385 MB, and the garbage
// collector's work over it made the build's time grow faster than the
// directory; mapping one provider takes some tens of microseconds. The
// taxonomies are mapped once and shared.
func StreamFiles(d Directory, root string, pageSize int) []File {
	if pageSize < 1 {
		pageSize = DefaultPageSize
	}
	s := newStream(d, root)
	out := head(root)
	out = append(out, streamKind(s, root+"/organizations", pageSize, s.index[orgItems],
		func(e *Export) []Organization { return e.Organizations }, Organization.id, Organization.flat, (*nested).organization)...)
	out = append(out, streamKind(s, root+"/services", pageSize, s.index[serviceItems],
		func(e *Export) []Service { return e.Services }, Service.id, Service.flat, (*nested).service)...)
	out = append(out, streamKind(s, root+"/service_at_locations", pageSize, s.index[salItems],
		func(e *Export) []ServiceAtLocation { return e.ServiceAtLocations }, ServiceAtLocation.id, ServiceAtLocation.flat,
		(*nested).serviceAtLocation)...)
	return append(out, s.taxonomies.taxonomyFiles(root, pageSize)...)
}

// The kinds of item made from providers, as stream.index holds them.
const (
	orgItems = iota
	serviceItems
	salItems
)

// stream is what StreamFiles holds: the directory, its taxonomies mapped
// once, and every item made from a provider: its path and its provider.
type stream struct {
	dir        Directory
	terms      map[TermRef]*TaxonomyTerm // read only, once made
	taxonomies *Export                   // the taxonomies and their terms alone
	slugs      []string                  // by provider
	index      [3][]entry                // by kind (orgItems...), in order of id
}

// entry is one item: its path and the provider it is made from.
type entry struct {
	path string
	at   int
}

// newStream maps the taxonomies, then each provider in turn, noting where
// each item goes and letting the rest go.
func newStream(d Directory, root string) *stream {
	m := &mapper{dir: d, terms: map[TermRef]*TaxonomyTerm{}, out: &Export{owners: map[string]string{}}}
	m.taxonomies()
	m.out.sort()
	s := &stream{dir: d, terms: m.terms, taxonomies: m.out, slugs: make([]string, d.count())}
	for at := range s.slugs {
		p := d.provider(at)
		s.slugs[at] = p.Slug
		e := s.mapOne(p)
		s.note(orgItems, root+"/organizations/", at, ids(e.Organizations, Organization.id))
		s.note(serviceItems, root+"/services/", at, ids(e.Services, Service.id))
		s.note(salItems, root+"/service_at_locations/", at, ids(e.ServiceAtLocations, ServiceAtLocation.id))
	}
	for _, index := range s.index {
		slices.SortFunc(index, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	}
	return s
}

// note adds the items of one kind of the provider at.
func (s *stream) note(kind int, prefix string, at int, ids []string) {
	for _, id := range ids {
		s.index[kind] = append(s.index[kind], entry{path: prefix + id, at: at})
	}
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

// mapOne maps one provider alone, its lists in order of id as in Map.
func (s *stream) mapOne(p Provider) *Export {
	m := &mapper{dir: s.dir, terms: s.terms, out: &Export{owners: map[string]string{}}}
	m.provider(p)
	m.out.sort()
	return m.out
}

// streamKind lists one kind's pages and items (see layout), each made
// when asked from the providers its items come from.
func streamKind[T any](s *stream, dir string, size int, index []entry, items func(*Export) []T, id func(T) string,
	flat func(T) T, full func(*nested, T) T) []File {
	find := func(ent entry) (*Export, T, error) {
		e, want := s.mapOne(s.dir.provider(ent.at)), ent.path[len(dir)+1:]
		for _, it := range items(e) {
			if id(it) == want {
				return e, it, nil
			}
		}
		var zero T
		return nil, zero, fmt.Errorf("the Open Referral item %s is no longer made (its profile changed during the build)", ent.path)
	}
	page := func(lo, hi int) ([]T, error) {
		out := make([]T, 0, hi-lo)
		for _, ent := range index[lo:hi] {
			_, it, err := find(ent)
			if err != nil {
				return nil, err
			}
			out = append(out, flat(it))
		}
		return out, nil
	}
	return layout(dir, size, len(index), page, func(i int) File {
		ent := index[i]
		return File{Path: ent.path, Owner: s.slugs[ent.at], Encode: func() ([]byte, error) {
			e, it, err := find(ent)
			if err != nil {
				return nil, err
			}
			return encode(full(nesting(e), it))
		}}
	})
}
