package openreferral

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// envelope is the page envelope without its contents.
type envelope struct {
	TotalItems int               `json:"total_items"`
	TotalPages int               `json:"total_pages"`
	PageNumber int               `json:"page_number"`
	Size       int               `json:"size"`
	FirstPage  bool              `json:"first_page"`
	LastPage   bool              `json:"last_page"`
	Empty      bool              `json:"empty"`
	Contents   []json.RawMessage `json:"contents"`
}

func decodeFiles(t *testing.T, files []File) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range files {
		data, err := f.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := out[f.Path]; dup {
			t.Fatalf("two files at %s", f.Path)
		}
		out[f.Path] = data
	}
	return out
}

func page(t *testing.T, files map[string][]byte, path string) envelope {
	t.Helper()
	var e envelope
	if err := json.Unmarshal(files[path], &e); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return e
}

// TestEmptyDirectory: every kind still has a first page, marked empty.
func TestEmptyDirectory(t *testing.T) {
	files := decodeFiles(t, Map(Directory{}).Files("or", 0))
	for _, k := range Kinds {
		e := page(t, files, "or/"+k+"/page-1.json")
		if !e.Empty || e.TotalPages != 1 || !e.FirstPage || !e.LastPage || e.Contents == nil || len(e.Contents) != 0 {
			t.Errorf("%s: %+v", k, e)
		}
	}
	if len(files) != len(Kinds)+2 { // a page of each kind, index.json and 404.json
		t.Errorf("%d files, want %d", len(files), len(Kinds)+2)
	}
}

// TestPagination splits 7 providers' services into pages of 3.
func TestPagination(t *testing.T) {
	var d Directory
	for i := range 7 {
		d.Providers = append(d.Providers, Provider{Slug: "p" + strconv.Itoa(i), Name: "P", Summary: "S",
			Reviewed: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	}
	files := decodeFiles(t, Map(d).Files("or", 3))
	for n, want := range []int{3, 3, 1} {
		e := page(t, files, "or/services/page-"+strconv.Itoa(n+1)+".json")
		if e.Size != want || len(e.Contents) != want || e.TotalItems != 7 || e.TotalPages != 3 ||
			e.PageNumber != n+1 || e.FirstPage != (n == 0) || e.LastPage != (n == 2) || e.Empty {
			t.Errorf("page %d: %+v", n+1, e)
		}
	}
	if _, ok := files["or/services/page-4.json"]; ok {
		t.Error("a fourth page")
	}
}

// TestProviderWithoutProgrammes offers one general service at every venue.
func TestProviderWithoutProgrammes(t *testing.T) {
	p := Provider{Slug: "solo", Name: "Solo", Summary: "Paints.", Email: "a@example.org",
		Venues: []Venue{{ID: "hall", Name: "Hall", Point: orb.Point{-2, 52}}, {ID: "barn", Name: "Barn", Point: orb.Point{-2.1, 52}}}}
	e := Map(Directory{Providers: []Provider{p}})
	if len(e.Services) != 1 || e.Services[0].Name != "Solo" || e.Services[0].Status != "active" {
		t.Fatalf("services: %+v", e.Services)
	}
	if len(e.ServiceAtLocations) != 2 || len(e.Locations) != 2 {
		t.Errorf("%d services at locations and %d locations, want 2 and 2", len(e.ServiceAtLocations), len(e.Locations))
	}
	if e.Services[0].ID != ID("service", "solo") || e.Organizations[0].ID != ID("organization", "solo") {
		t.Error("ids are not derived from the slug")
	}
	files := decodeFiles(t, e.Files("or", 0))
	full := string(files["or/services/"+e.Services[0].ID])
	if !strings.Contains(full, `"organization":{`) || !strings.Contains(full, `"location":{`) {
		t.Errorf("the service document does not nest its organization and locations: %s", full)
	}
}

// TestAtSameAsProviders: providers given one at a time (Directory.At)
// make the same export, byte for byte, as the same providers in a list.
func TestAtSameAsProviders(t *testing.T) {
	var list Directory
	for i := range 7 {
		list.Providers = append(list.Providers, Provider{Slug: "p" + strconv.Itoa(i), Name: "P", Summary: "S",
			Venues: []Venue{{ID: "hall", Name: "Hall", Point: orb.Point{-2, 52}}}})
	}
	each := Directory{Providers: list.Providers[:2], Count: 5, At: func(i int) Provider { return list.Providers[2+i] }}
	want, got := decodeFiles(t, Map(list).Files("or", 3)), decodeFiles(t, Map(each).Files("or", 3))
	if len(got) != len(want) || len(got) < 20 {
		t.Fatalf("%d files from At, %d from Providers", len(got), len(want))
	}
	for path, data := range want {
		if string(got[path]) != string(data) {
			t.Errorf("%s differs", path)
		}
	}
}
