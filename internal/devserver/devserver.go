// Package devserver owns previewing: it serves a built site over HTTP on
// loopback, with pretty URLs, the site's own 404 page and the production
// security headers, answers only GET and HEAD requests addressed to it,
// and shuts down cleanly when its context ends.
package devserver

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"artsmap/internal/netlify"
	"artsmap/internal/openreferral"
)

// Handler serves the folder dir as the site does on the CDN: /a/ serves
// a/index.html, a missing file gets 404.html with status 404, and the Open
// Referral API's addresses are answered as the site's Netlify rules do,
// with a JSON error for what is not there.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if api(w, r, dir, files) {
			return
		}
		p := path.Clean("/" + r.URL.Path)
		full := filepath.Join(dir, filepath.FromSlash(p))
		info, err := os.Stat(full)
		if err == nil && info.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			_, err = os.Stat(filepath.Join(full, "index.html"))
		}
		if err != nil {
			notFound(w, dir)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// api answers an address under the Open Referral API as the site's Netlify
// rules do (openreferral.Resolve): the document, or the export's JSON
// error with status 404. It reports false for any other address.
func api(w http.ResponseWriter, r *http.Request, dir string, files http.Handler) bool {
	exists := func(name string) bool {
		info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))) // a link is not a file of the build
		return err == nil && info.Mode().IsRegular()
	}
	file, status, ok := openreferral.Resolve(r.URL.Path, r.URL.Query(), exists)
	if !ok {
		return false
	}
	w.Header().Set("Content-Type", openreferral.ContentType) // items have no extension to name it
	if status == http.StatusOK {
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + file
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r2)
		return true
	}
	body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		return false // an output without the error document: the site's 404 page
	}
	w.WriteHeader(status)
	w.Write(body) // the client may have gone
	return true
}

func notFound(w http.ResponseWriter, dir string) {
	body, err := os.ReadFile(filepath.Join(dir, "404.html"))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if err != nil {
		body = []byte("<!doctype html><title>Not found</title><p>Not found.</p>")
	}
	w.Write(body) // the client may have gone
}

// Serve listens on addr and serves h until ctx ends, with the response
// headers the site's netlify.toml gives each path (see netlify.Loopback),
// only to GET and HEAD requests addressed to it (see guard). ready, if not
// nil, receives the address actually listened on. Idle connections and
// slow request headers are timed out; there is no write timeout, which
// would end the reload events' stream. When ctx ends, every request
// (reload streams included) ends too, and Serve returns within a second.
func Serve(ctx context.Context, addr string, h http.Handler, headers netlify.Headers, ready func(string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           headers.Wrap(guard(nearQuery(h), addr, ln.Addr()), netlify.Loopback),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		// Requests end with ctx, so that open reload streams do not hold up the shutdown.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 800*time.Millisecond)
		defer cancel()
		if err := srv.Shutdown(shut); errors.Is(err, context.DeadlineExceeded) {
			srv.Close() // a page still being made is cut short: the user asked to stop
		} else if err != nil {
			return err
		}
		if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}
