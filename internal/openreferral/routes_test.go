package openreferral

import (
	"encoding/json"
	"net/url"
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
			id = strings.TrimSuffix(name, ".json")
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
		{"/openreferral/services/" + id, "", "openreferral/services/" + id + ".json", 200},
		{"/openreferral/services/" + id + ".json", "", "openreferral/services/" + id + ".json", 200},
		{"/openreferral/services/no-such-id", "", notFound, 404},
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
// the JSON error with 404, then each item's id.
func TestRedirects(t *testing.T) {
	got := string(Redirects(sevenServices()))
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
	for _, f := range sevenServices() {
		name := strings.TrimPrefix(f.Path, Dir+"/")
		if kind, file, _ := strings.Cut(name, "/"); file != "" && !strings.HasPrefix(file, "page-") {
			id := strings.TrimSuffix(file, ".json")
			if rule := "/" + Dir + "/" + kind + "/" + id + " /" + f.Path + " 200\n"; !strings.Contains(got, rule) {
				t.Errorf("no rule %q", rule)
			}
		}
	}
	if strings.Contains(got, "404.json 200") || strings.Contains(got, "index.json") {
		t.Errorf("rules for the root or the error document:\n%s", got)
	}
}
