package devserver

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestNearQuery: the postcode district form's query is redirected to the
// district's page as netlify.toml does; anything else reaches the site.
func TestNearQuery(t *testing.T) {
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	for _, tc := range []struct {
		url      string
		status   int
		location string
	}{
		{"/near/?postcode=GL14", http.StatusMovedPermanently, "/near/GL14/"},
		{"/near/?postcode=+gl50+", http.StatusMovedPermanently, "/near/GL50/"},
		{"/near/?postcode=SW1A", http.StatusMovedPermanently, "/near/SW1A/"},
		{"/near/?postcode=//evil.example", http.StatusTeapot, ""},
		{"/near/?postcode=GL14%202AB", http.StatusTeapot, ""},
		{"/near/", http.StatusTeapot, ""},
		{"/providers/?postcode=GL14", http.StatusTeapot, ""},
	} {
		rec := httptest.NewRecorder()
		nearQuery(site).ServeHTTP(rec, httptest.NewRequest("GET", tc.url, nil))
		if rec.Code != tc.status || rec.Header().Get("Location") != tc.location {
			t.Errorf("%s: %d to %q, want %d to %q", tc.url, rec.Code, rec.Header().Get("Location"), tc.status, tc.location)
		}
	}
}
