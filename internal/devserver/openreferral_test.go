package devserver_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/devserver"
	"artsmap/internal/site"
)

// TestOpenReferralAPI: under `artsmap serve` (the live handler) and when
// a built folder is served, the Open Referral API answers as on Netlify:
// each document at its API address, and for a page past the last, an
// unknown id or kind, a JSON error with status 404 and Content-Type
// application/json, never the site's HTML 404 page.
func TestOpenReferralAPI(t *testing.T) {
	root, _ := filepath.Abs("../..")
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	opts := site.Options{Site: os.DirFS(root), Theme: artsmap.Theme, Now: now}
	live, _, err := site.NewLive(opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Out = filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(opts); err != nil {
		t.Fatal(err)
	}
	var first struct {
		TotalPages int `json:"total_pages"`
		Contents   []struct {
			ID string `json:"id"`
		} `json:"contents"`
	}
	page, err := os.ReadFile(filepath.Join(opts.Out, "openreferral", "services", "page-1.json"))
	if err != nil || json.Unmarshal(page, &first) != nil || len(first.Contents) == 0 {
		t.Fatalf("no first page of services: %v", err)
	}
	id := first.Contents[0].ID
	for name, h := range map[string]http.Handler{
		"serve":        devserver.LiveHandler(live, devserver.NewBroker(), site.ErrNotFound),
		"built folder": devserver.Handler(opts.Out),
	} {
		t.Run(name, func(t *testing.T) {
			for _, tc := range []struct {
				path   string
				status int
				holds  string
			}{
				{"/openreferral", 200, `"version":"3.0`},
				{"/openreferral/services", 200, `"page_number":1`},
				{"/openreferral/services?page=1", 200, `"page_number":1`},
				{"/openreferral/services/" + id, 200, `"id":"` + id + `"`},
				{"/openreferral/services?page=" + strconv.Itoa(first.TotalPages+1), 404, `"status":404`},
				{"/openreferral/services?page=0", 404, `"status":404`},
				{"/openreferral/services/00000000-0000-5000-8000-000000000000", 404, `"status":404`},
				{"/openreferral/people", 404, `"status":404`},
				{"/openreferral/services/" + id + "/x", 404, `"status":404`},
				{"/openreferral/services/" + id + ".json", 404, `"status":404`},
				{"/openreferral/locations", 404, `"status":404`},
			} {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.path, nil))
				body, _ := io.ReadAll(rec.Result().Body)
				ctype := rec.Result().Header.Get("Content-Type")
				if rec.Code != tc.status || ctype != "application/json; charset=utf-8" || !strings.Contains(string(body), tc.holds) || !json.Valid(body) {
					t.Errorf("%s: %d %s %.120s, want %d application/json holding %s", tc.path, rec.Code, ctype, body, tc.status, tc.holds)
				}
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/no-such-page/", nil))
			if rec.Code != 404 || !strings.HasPrefix(rec.Result().Header.Get("Content-Type"), "text/html") {
				t.Errorf("a missing page outside the API: %d %s, want the HTML 404 page", rec.Code, rec.Result().Header.Get("Content-Type"))
			}
		})
	}
}

// TestOpenReferralAPILinkNotFollowed: in a served folder, an API document
// that is a symbolic link is not a file of the build: the address answers
// with the JSON error, not with what the link points at.
func TestOpenReferralAPILinkNotFollowed(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("private"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "openreferral", "services"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "openreferral", "404.json"), []byte(`{"error":"not found","status":404}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "openreferral", "services", "abc")); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	devserver.Handler(dir).ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:1313/openreferral/services/abc", nil))
	if body := rec.Body.String(); rec.Code != 404 || strings.Contains(body, "private") {
		t.Errorf("a linked API document: %d %q, want the JSON 404", rec.Code, body)
	}
}
