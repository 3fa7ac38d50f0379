package openreferral

import (
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sevenServices is an export of seven providers, three to a page.
func sevenServices() []File {
	var d Directory
	for i := range 7 {
		d.Providers = append(d.Providers, Provider{Slug: "p" + strconv.Itoa(i), Name: "P", Summary: "S",
			Reviewed: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	}
	return Map(d).Files(Dir, 3)
}

// TestNotFoundBody: the error document is JSON saying 404.
func TestNotFoundBody(t *testing.T) {
	var doc struct {
		Error  string `json:"error"`
		Status int    `json:"status"`
	}
	body, err := NotFoundBody()
	if err != nil || json.Unmarshal(body, &doc) != nil || doc.Status != 404 || doc.Error == "" {
		t.Errorf("%s (%v)", body, err)
	}
}

// TestResolve: the preview answers each API address as the Netlify rules
// do: documents that exist, the root, a list's pages with or without
// ?page=, an item by id; the JSON error with 404 for anything else.
func TestResolve(t *testing.T) {
	files := sevenServices()
	have := map[string]bool{}
	for _, f := range files {
		have[f.Path] = true
	}
	var id string
	for _, f := range files {
		if name, ok := strings.CutPrefix(f.Path, Dir+"/services/"); ok && !strings.HasPrefix(name, "page-") {
			id = name
		}
	}
	exists := func(p string) bool { return have[p] }
	notFound := Dir + "/404.json"
	for _, tc := range []struct {
		path, query, file string
		status            int
	}{
		{"/openreferral", "", "openreferral/index.json", 200},
		{"/openreferral/", "", "openreferral/index.json", 200},
		{"/openreferral/index.json", "", "openreferral/index.json", 200},
		{"/openreferral/services", "", "openreferral/services/page-1.json", 200},
		{"/openreferral/services/", "page=3", "openreferral/services/page-3.json", 200},
		{"/openreferral/services", "page=4", notFound, 404},
		{"/openreferral/services", "page=0", notFound, 404},
		{"/openreferral/services", "page=01", notFound, 404},
		{"/openreferral/services", "page=../index", notFound, 404},
		{"/openreferral/services/page-2.json", "page=9", "openreferral/services/page-2.json", 200},
		{"/openreferral/services/" + id, "", "openreferral/services/" + id, 200},
		{"/openreferral/services/" + id + "/", "", "openreferral/services/" + id, 200},
		{"/openreferral/services/" + id + ".json", "", notFound, 404},
		{"/openreferral/services/no-such-id", "", notFound, 404},
		{"/openreferral/services/page-9.json", "", notFound, 404},
		{"/openreferral/locations", "", notFound, 404},
		{"/openreferral/services/" + id + "/more", "", notFound, 404},
		{"/openreferral/people", "", notFound, 404},
		{"/openreferral/../providers/", "", "", 0},
		{"/openreferralx", "", "", 0},
		{"/providers/", "", "", 0},
	} {
		q, _ := url.ParseQuery(tc.query)
		file, status, ok := Resolve(tc.path, q, exists)
		if file != tc.file || status != tc.status || ok != (tc.status != 0) {
			t.Errorf("%s?%s: %q %d %v, want %q %d", tc.path, tc.query, file, status, ok, tc.file, tc.status)
		}
	}
}

// TestRedirects: exact rules for the pages there are, any other page to
// the JSON error with 404, and nothing else: no rule for an item (each is
// at its own path), so the file grows by one rule per page, not per item.
func TestRedirects(t *testing.T) {
	files := sevenServices()
	got := string(Redirects(files))
	for _, want := range []string{
		"/openreferral/services page=1 /openreferral/services/page-1.json 200\n" +
			"/openreferral/services page=2 /openreferral/services/page-2.json 200\n" +
			"/openreferral/services page=3 /openreferral/services/page-3.json 200\n" +
			"/openreferral/services page=:page /openreferral/404.json 404\n",
		"/openreferral/taxonomies page=1 /openreferral/taxonomies/page-1.json 200\n/openreferral/taxonomies page=:page /openreferral/404.json 404\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing:\n%s\nin:\n%s", want, got)
		}
	}
	pages, rules := 0, 0
	for _, f := range files {
		if strings.Contains(f.Path, "/page-") {
			pages++
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			rules++
		}
	}
	if rules != pages+len(Kinds) {
		t.Errorf("%d rules for %d pages of %d kinds, want one a page and one a kind:\n%s", rules, pages, len(Kinds), got)
	}
	if strings.Contains(got, "404.json 200") || strings.Contains(got, "index.json") {
		t.Errorf("rules for the root or the error document:\n%s", got)
	}
}

// TestOnlyAPIPaths: every file of the export is one the HSDS 3.0 API's
// paths serve: the root, the error document, a list page or an item of a
// kind the OpenAPI defines, the item at /<kind>/<id> itself. Nothing for
// locations, which the OpenAPI serves only nested.
func TestOnlyAPIPaths(t *testing.T) {
	for _, f := range sevenServices() {
		rel := strings.TrimPrefix(f.Path, Dir+"/")
		kind, name, nested := strings.Cut(rel, "/")
		switch {
		case !nested && (rel == "index.json" || rel == NotFoundName):
		case !nested || !slices.Contains(Kinds, kind) || strings.Contains(name, "/"):
			t.Errorf("%s is not at a path of the API", f.Path)
		case strings.HasPrefix(name, "page-"):
			if _, ok := pageOf(f.Path, Dir+"/"+kind+"/"); !ok {
				t.Errorf("%s is not a list page", f.Path)
			}
		case strings.Contains(name, "."):
			t.Errorf("%s: an item must be at its API path /%s/%s/<id>, with no extension", f.Path, Dir, kind)
		}
		if kind == "locations" {
			t.Errorf("%s: HSDS 3.0 defines no /locations path", f.Path)
		}
	}
}
