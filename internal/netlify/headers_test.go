package netlify

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

const sample = `
[[headers]]
  for = "/*"
  [headers.values]
    Content-Security-Policy = "default-src 'self'"
    X-Content-Type-Options = "nosniff"

[[headers]]
  for = "/css/*"
  [headers.values]
    Cache-Control = "public, max-age=3600"

[[headers]]
  for = "/*/plain.txt"
  [headers.values]
    Content-Type = "text/plain; charset=utf-8"

[[headers]]
  for = "/feed.xml"
  [headers.values]
    X-Content-Type-Options = "other"
`

func load(t *testing.T, text string) (Headers, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "netlify.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p)
}

func TestFor(t *testing.T) {
	h, err := load(t, sample)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, key, want string
	}{
		{"/", "Content-Security-Policy", "default-src 'self'"},
		{"/providers/mindsong/", "X-Content-Type-Options", "nosniff"},
		{"/css/site.css", "Cache-Control", "public, max-age=3600"},
		{"/js/a.js", "Cache-Control", ""},
		{"/css", "Cache-Control", ""},
		{"/factsheets/a/plain.txt", "Content-Type", "text/plain; charset=utf-8"},
		{"/factsheets/a/plain.txt.bak", "Content-Type", ""},
		{"/feed.xml", "X-Content-Type-Options", "other"}, // the later rule wins
		{"/feed.xml.gz", "X-Content-Type-Options", "nosniff"},
	}
	for _, tt := range tests {
		if got := h.For(tt.path).Get(tt.key); got != tt.want {
			t.Errorf("%s: %s = %q, want %q", tt.path, tt.key, got, tt.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	for _, text := range []string{
		"[[headers]]\nfor = \"css/*\"\n",
		"[[headers]\n",
		"[[headers]]\nfor = 3\n",
	} {
		if _, err := load(t, text); err == nil {
			t.Errorf("no error for %q", text)
		}
	}
}

func TestWrap(t *testing.T) {
	h, err := load(t, sample)
	if err != nil {
		t.Fatal(err)
	}
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	edit := func(hd http.Header) { hd.Set("Content-Security-Policy", hd.Get("Content-Security-Policy")+"; x") }
	rec := httptest.NewRecorder()
	h.Wrap(next, edit).ServeHTTP(rec, httptest.NewRequest("GET", "/css/site.css", nil))
	if got := rec.Header().Get("Content-Security-Policy"); got != "default-src 'self'; x" {
		t.Errorf("CSP %q", got)
	}
	if got := rec.Header().Get("Cache-Control"); got == "" {
		t.Error("no Cache-Control for /css/")
	}
}

// TestRepositoryFile loads the real netlify.toml.
func TestRepositoryFile(t *testing.T) {
	h, err := Load("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	if h.For("/providers/").Get("Content-Security-Policy") == "" {
		t.Error("netlify.toml sends no Content-Security-Policy for pages")
	}
}

func TestLoopback(t *testing.T) {
	tests := []struct{ in, want string }{
		{"default-src 'self'; upgrade-insecure-requests", "default-src 'self'"},
		{"upgrade-insecure-requests; img-src 'self' data:", "img-src 'self' data:"},
		{"script-src 'self'", "script-src 'self'"},
		{"", ""},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.in != "" {
			h.Set("Content-Security-Policy", tt.in)
		}
		Loopback(h)
		if got := h.Get("Content-Security-Policy"); got != tt.want {
			t.Errorf("Loopback(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPattern: * spans segments, :name is one segment, a trailing slash
// is optional, and anything else is literal.
func TestPattern(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/embed/*", "/embed/map/", true},
		{"/embed/*", "/embedded", false},
		{"/*/plain.txt", "/learning/a/plain.txt", true},
		{"/openreferral/:kind", "/openreferral/services", true},
		{"/openreferral/:kind", "/openreferral/services/", true},
		{"/openreferral/:kind", "/openreferral/services/x", false},
		{"/a.json", "/aXjson", false},
		{"/:a-b", "/:a-b", true}, // not a placeholder name: literal
	}
	for _, tt := range tests {
		if got := Pattern(tt.pattern).MatchString(tt.path); got != tt.want {
			t.Errorf("Pattern(%q) matches %q: %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
	if m := Pattern("/openreferral/:kind/:id").FindStringSubmatch("/openreferral/services/abc"); len(m) != 3 || m[2] != "abc" {
		t.Errorf("submatches %q", m)
	}
}
