package openreferral

import (
	"encoding/json"
	"fmt"
	"path"
)

// DefaultPageSize is how many items a list page holds.
const DefaultPageSize = 50

// Where the HSDS specification this export follows is described.
const (
	ProfileURL = "https://docs.openreferral.org/en/3.0/"
	OpenAPIURL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
)

// Kinds are the item kinds the API serves, as named in its paths: HSDS
// 3.0's OpenAPI defines a list (/<kind>) and an item (/<kind>/{id}) of
// each. It defines no path for locations, so they are served only nested
// in their organization and service-at-locations.
var Kinds = []string{"organizations", "services", "service_at_locations", "taxonomies", "taxonomy_terms"}

// ContentType is the media type of every document of the export. An item
// is written at its API path, with no extension to name its type, so the
// server must be told (netlify.toml's [[headers]] for /openreferral/*).
const ContentType = "application/json; charset=utf-8"

// File is one file of the export, encoded when asked.
type File struct {
	Path   string // below the site root, e.g. openreferral/services/page-1.json
	Encode func() ([]byte, error)
	// Owner is the slug of the one profile an item's document is made
	// from (with the vocabularies and the directory's settings), "" for
	// the lists and every other file: a rebuild may keep an owned file
	// whose profile did not change.
	Owner string
	// Listed, for a list page of items made from providers (as
	// StreamFiles lays them out), is what the page lists; nil for any
	// other file. A rebuild may keep a page whose items and their
	// providers did not change, nor the length of the whole list.
	Listed *PageItems
}

// PageItems is what a list page is made from besides the vocabularies:
// its items' list entries, each made from its own provider, and how many
// items the whole list holds (the page shows it, and how many pages
// there are).
type PageItems struct {
	Total int
	Items []Listed // in order
}

// Listed is one item of a list page: its path and the slug of the
// provider it is made from.
type Listed struct {
	Path, Owner string
}

// Files lays the export out below dir: index.json, the error document
// 404.json (see NotFoundBody), then for every kind
// <kind>/page-<n>.json (lists of items without nested objects, pageSize
// to a page; page-1.json even when there are none) and <kind>/<id> (each
// item fully nested, at its API path, so that no rule has to lead to it).
// pageSize below 1 means DefaultPageSize. Only what the API's paths serve
// is written: no list or items of locations.
func (e *Export) Files(dir string, pageSize int) []File {
	if pageSize < 1 {
		pageSize = DefaultPageSize
	}
	out := head(dir)
	n := nesting(e)
	out = append(out, kind(dir+"/organizations", pageSize, e.Organizations, Organization.flat, n.organization, Organization.id)...)
	out = append(out, kind(dir+"/services", pageSize, e.Services, Service.flat, n.service, Service.id)...)
	out = append(out, kind(dir+"/service_at_locations", pageSize, e.ServiceAtLocations, ServiceAtLocation.flat, n.serviceAtLocation, ServiceAtLocation.id)...)
	out = append(out, e.taxonomyFiles(dir, pageSize)...)
	for i := range out {
		out[i].Owner = e.owners[path.Base(out[i].Path)]
	}
	return out
}

// head is the export's index.json and its error document.
func head(dir string) []File {
	return []File{{Path: dir + "/index.json", Encode: encoder(Root{Version: Version, Profile: ProfileURL, OpenAPIURL: OpenAPIURL})},
		{Path: dir + "/" + NotFoundName, Encode: NotFoundBody}}
}

// taxonomyFiles are the files of the taxonomies and their terms.
func (e *Export) taxonomyFiles(dir string, pageSize int) []File {
	return append(kind(dir+"/taxonomies", pageSize, e.Taxonomies, same, same, Taxonomy.id),
		kind(dir+"/taxonomy_terms", pageSize, e.TaxonomyTerms, same, same, TaxonomyTerm.id)...)
}

func same[T any](t T) T { return t }

// kind lists the pages and item documents of one kind of item. Nothing is
// copied or encoded until a file is asked for.
func kind[T any](dir string, size int, items []T, flat, full func(T) T, id func(T) string) []File {
	page := func(lo, hi int) ([]T, error) {
		out := make([]T, 0, hi-lo)
		for _, it := range items[lo:hi] {
			out = append(out, flat(it))
		}
		return out, nil
	}
	return layout(dir, size, len(items), page, func(i int) File {
		return File{Path: dir + "/" + id(items[i]), Encode: func() ([]byte, error) { return encode(full(items[i])) }}
	})
}

// layout lists the n items of a kind below dir as the API serves them:
// its list pages of size items, page-1.json even when there are none, each
// holding the items page gives between two indexes, then each item's file.
func layout[T any](dir string, size, n int, page func(lo, hi int) ([]T, error), item func(i int) File) []File {
	total := max(1, (n+size-1)/size)
	out := make([]File, 0, total+n)
	for p := 1; p <= total; p++ {
		out = append(out, File{Path: fmt.Sprintf("%s/page-%d.json", dir, p), Encode: func() ([]byte, error) {
			lo, hi := min((p-1)*size, n), min(p*size, n)
			contents, err := page(lo, hi)
			if err != nil {
				return nil, err
			}
			return encode(Page[T]{TotalItems: n, TotalPages: total, PageNumber: p, Size: hi - lo,
				FirstPage: p == 1, LastPage: p == total, Empty: n == 0, Contents: contents})
		}})
	}
	for i := range n {
		out = append(out, item(i))
	}
	return out
}

func encoder(v any) func() ([]byte, error) { return func() ([]byte, error) { return encode(v) } }

// encode writes v as JSON on one line, ending with a newline.
func encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding an Open Referral document: %w", err)
	}
	return append(b, '\n'), nil
}

func (o Organization) id() string      { return o.ID }
func (s Service) id() string           { return s.ID }
func (s ServiceAtLocation) id() string { return s.ID }
func (t Taxonomy) id() string          { return t.ID }
func (t TaxonomyTerm) id() string      { return t.ID }

// flat keeps only an organization's own one-to-one fields, as a list shows it.
func (o Organization) flat() Organization {
	o.Phones, o.Locations, o.Attributes, o.Services = nil, nil, nil, nil
	return o
}

// flat keeps only a service's own one-to-one fields.
func (s Service) flat() Service {
	return Service{ID: s.ID, OrganizationID: s.OrganizationID, Name: s.Name, Description: s.Description, URL: s.URL,
		Email: s.Email, Status: s.Status, ApplicationProcess: s.ApplicationProcess, FeesDescription: s.FeesDescription,
		EligibilityDescription: s.EligibilityDescription, MinimumAge: s.MinimumAge, MaximumAge: s.MaximumAge,
		AssuredDate: s.AssuredDate, LastModified: s.LastModified}
}

// flat keeps only the ids and description of a service at a location.
func (s ServiceAtLocation) flat() ServiceAtLocation {
	s.Location, s.Service = nil, nil
	return s
}
