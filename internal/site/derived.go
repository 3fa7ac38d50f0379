package site

import (
	"sync"

	"artsmap/internal/search"
)

// derived holds what is computed from the whole model for pages that show
// it: each is computed once, the first time a page asks, because several
// pages ask (every page of the directory, the map, its venues and the
// coverage page) and each walks every provider.
type derived struct {
	facets   func() []FacetCounts
	places   func() []search.Place
	example  func() string
	mapView  func() *MapView
	coverage func() *Coverage
	reaches  func() map[*Programme]Reach
	adjacent func() map[*TermPage][]*TermPage
	growth   func() *Growth
}

// derive prepares the model's derived values; assemble calls it last.
func (s *Site) derive() {
	s.derived = derived{
		facets:   sync.OnceValue(s.countFacets),
		places:   sync.OnceValue(s.places),
		example:  sync.OnceValue(s.searchExample),
		mapView:  sync.OnceValue(s.mapView),
		coverage: sync.OnceValue(s.coverage),
		reaches:  sync.OnceValue(s.reaches),
		adjacent: sync.OnceValue(s.adjacency),
		growth:   sync.OnceValue(s.growth),
	}
}

// DirectoryFacets counts every filter value over the whole directory, for
// the server-rendered form.
func (s *Site) DirectoryFacets() []FacetCounts { return s.derived.facets() }

// Places are the towns named in venue addresses (the last part of the
// address), each at the middle of its venues, sorted by name.
func (s *Site) Places() []search.Place { return s.derived.places() }

// SearchExample is an example query made from the site's own content,
// such as "mental health Gloucester".
func (s *Site) SearchExample() string { return s.derived.example() }

// Map projects boundaries and venues onto the drawing of the map.
func (s *Site) Map() *MapView { return s.derived.mapView() }

// Coverage counts providers and active programmes per district and pathway.
func (s *Site) Coverage() *Coverage { return s.derived.coverage() }
