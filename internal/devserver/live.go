package devserver

import (
	"bytes"
	_ "embed"
	"errors"
	"mime"
	"net/http"
	"path"
	"strings"

	"artsmap/internal/openreferral"
)

//go:embed live.js
var liveJS []byte

// Source is what a live preview serves: a file by its output path.
type Source interface {
	Get(name string) ([]byte, error)
}

// LiveHandler serves a site held in memory, with a script that reloads the
// page when the site is rebuilt and shows content errors over the page.
// The Open Referral API's addresses are answered as Handler does.
// Events come from events at /_artsmap/events.
func LiveHandler(src Source, events *Broker, notFound error) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/_artsmap/events", events)
	mux.HandleFunc("/_artsmap/live.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS) // the client may have gone
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		exists := func(name string) bool { _, err := src.Get(name); return err == nil }
		if file, status, ok := openreferral.Resolve(r.URL.Path, r.URL.Query(), exists); ok {
			if data, err := src.Get(file); err == nil {
				serve(w, file, data, status)
				return
			}
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if strings.HasSuffix(r.URL.Path, "/") || name == "" {
			name = strings.TrimPrefix(name+"/index.html", "/")
		}
		data, err := src.Get(name)
		if errors.Is(err, notFound) && !strings.HasSuffix(r.URL.Path, "/") && path.Ext(name) == "" {
			if _, err := src.Get(name + "/index.html"); err == nil {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
		}
		status := http.StatusOK
		if errors.Is(err, notFound) {
			status, name = http.StatusNotFound, "404.html"
			data, err = src.Get(name)
		}
		if err != nil {
			data, name = []byte("<!doctype html><title>Preview</title><h1>The site has not built yet</h1><p>See the problems listed.</p></body>"), "error.html"
		}
		serve(w, name, data, status)
	})
	return mux
}

// serve writes a file, adding the live-reload script to HTML pages. The
// editor at /admin/ is left alone: it saves into content/, and reloading
// it after each save would throw away what the editor is showing. A file
// of unknown type is sent as application/octet-stream, never sniffed; the
// Open Referral export's documents, items written without an extension
// among them, are JSON.
func serve(w http.ResponseWriter, name string, data []byte, status int) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if strings.HasPrefix(name, openreferral.Dir+"/") {
		ctype = openreferral.ContentType
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasPrefix(ctype, "text/html") && !strings.HasPrefix(name, "admin/") {
		tag := []byte(`<script type="module" src="/_artsmap/live.js"></script>`)
		if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
			data = append(append(append([]byte{}, data[:i]...), tag...), data[i:]...)
		} else {
			data = append(append([]byte{}, data...), tag...)
		}
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(data) // the client may have gone
}
