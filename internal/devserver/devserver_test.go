package devserver

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var errMissing = errors.New("missing")

// mapSource serves files from a map, as site.Live does.
type mapSource map[string]string

func (m mapSource) Get(name string) ([]byte, error) {
	if s, ok := m[name]; ok {
		return []byte(s), nil
	}
	return nil, errMissing
}

func request(t *testing.T, h http.Handler, path string) (int, http.Header, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, rec.Result().Header, string(body)
}

func TestLiveHandler(t *testing.T) {
	src := mapSource{
		"index.html":       "<html><body><h1>Home</h1></body></html>",
		"a/index.html":     "<html><body>A</body></html>",
		"404.html":         "<html><body>Not here</body></html>",
		"css/site.css":     "body{}",
		"admin/index.html": "<html><body>Editor</body></html>",
		"files/page.zzz":   "<html><body><script>alert(1)</script></body></html>",
		"files/README":     "<html><body>no extension</body></html>",
	}
	h := LiveHandler(src, NewBroker(), errMissing)
	tests := []struct {
		path, want, ctype string
		code              int
	}{
		{"/", `<h1>Home</h1><script type="module" src="/_artsmap/live.js"></script></body>`, "text/html", 200},
		{"/a/", "A<script", "text/html", 200},
		{"/a", "", "", http.StatusMovedPermanently},
		{"/css/site.css", "body{}", "text/css", 200},
		{"/nope/", "Not here", "text/html", 404},
		{"/_artsmap/live.js", "EventSource", "text/javascript", 200},
		{"/admin/", "Editor</body>", "text/html", 200}, // not reloaded under the editor's feet
		// an unknown type is never sniffed (as HTML, say): the published site sends no type either
		{"/files/page.zzz", "alert(1)</script></body></html>", "application/octet-stream", 200},
		{"/files/README", "no extension</body></html>", "application/octet-stream", 200},
	}
	for _, tt := range tests {
		code, hdr, body := request(t, h, tt.path)
		if tt.path == "/admin/" && strings.Contains(body, "live.js") {
			t.Errorf("GET /admin/ has the live-reload script: %q", body)
		}
		if code != tt.code || !strings.Contains(body, tt.want) || !strings.HasPrefix(hdr.Get("Content-Type"), tt.ctype) {
			t.Errorf("GET %s = %d %q %q", tt.path, code, hdr.Get("Content-Type"), body)
		}
	}
}

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"index.html": "home", "a/index.html": "page a", "404.html": "missing"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)  // checked by the requests
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644) // as above
	}
	h := Handler(dir)
	for path, want := range map[string]struct {
		code int
		body string
	}{"/": {200, "home"}, "/a/": {200, "page a"}, "/a": {301, ""}, "/b/": {404, "missing"}, "/../etc/passwd": {404, "missing"}} {
		code, _, body := request(t, h, path)
		if code != want.code || !strings.Contains(body, want.body) {
			t.Errorf("GET %s = %d %q, want %d %q", path, code, body, want.code, want.body)
		}
	}
}
