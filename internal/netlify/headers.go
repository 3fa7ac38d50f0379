// Package netlify reads the response headers of netlify.toml and sends
// them from any http.Handler, so that tests and local measurements see the
// pages with the same Content-Security-Policy and security headers as the
// published site.
package netlify

import (
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"artsmap/internal/content"
	"artsmap/internal/diag"
	"artsmap/internal/sitefs"
)

// MaxSize is the largest netlify.toml read: the repository's is under 8 KB.
const MaxSize = 64 << 10

// Rule is one [[headers]] table: the headers sent for paths matching For.
type Rule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
	match  *regexp.Regexp
}

// Headers are the header rules of a netlify.toml, in file order.
type Headers []Rule

// Load reads the [[headers]] tables of the netlify.toml at path, as
// LoadFS does.
func Load(path string) (Headers, error) {
	return loadFile(sitefs.New(filepath.Dir(path), MaxSize), filepath.Base(path), path)
}

// LoadFS reads the [[headers]] tables of the file name of fsys (a site
// folder's view, which follows no symbolic link and opens only regular
// files): at most MaxSize bytes, its nesting checked before it is parsed.
// A missing file is an error wrapping fs.ErrNotExist.
func LoadFS(fsys fs.FS, name string) (Headers, error) { return loadFile(fsys, name, name) }

func loadFile(fsys fs.FS, name, shown string) (Headers, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", diag.ShowPath(shown), err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a file", diag.ShowPath(shown))
	}
	if info.Size() > MaxSize {
		return nil, fmt.Errorf("%s is %d KB; at most %d KB are read (keep only the settings the site needs)", diag.ShowPath(shown), info.Size()>>10, MaxSize>>10)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", diag.ShowPath(shown), err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s grew past %d KB while it was read", diag.ShowPath(shown), MaxSize>>10)
	}
	return Parse(shown, data)
}

// Parse reads the [[headers]] tables of a netlify.toml's text; path names
// it in errors, which are in plain words at their line and column. The
// nesting is checked before the text is parsed, as for content files.
func Parse(path string, data []byte) (Headers, error) {
	if d, line, col := content.TOMLDepth(data); line > 0 {
		return nil, fmt.Errorf("%s:%d:%d: tables and lists nested %d deep; at most %d levels are allowed (each [ ] or { } inside another adds a level: use fewer)",
			diag.ShowPath(path), line, col, d, content.MaxTOMLDepth)
	}
	var cfg struct {
		Headers []Rule `toml:"headers"`
	}
	if _, err := toml.Decode(string(data), &cfg); err != nil {
		line, col, msg, hint := content.TOMLMessage(data, err)
		if hint != "" {
			msg += " (" + hint + ")"
		}
		return nil, fmt.Errorf("%s:%d:%d: %s", diag.ShowPath(path), line, col, msg)
	}
	for i := range cfg.Headers {
		r := &cfg.Headers[i]
		if !strings.HasPrefix(r.For, "/") {
			return nil, fmt.Errorf("%s: headers for %q: the path must start with /", path, r.For)
		}
		r.match = Pattern(r.For)
	}
	return cfg.Headers, nil
}

var placeholder = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Pattern turns a Netlify path ("/embed/*", "/openreferral/:kind") into an
// anchored regular expression: * matches anything, slashes included, a
// :name segment one segment (a submatch of that name), and a trailing slash
// is optional, as on Netlify.
func Pattern(p string) *regexp.Regexp {
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		if name, ok := strings.CutPrefix(seg, ":"); ok && placeholder.MatchString(name) {
			segs[i] = "(?P<" + name + ">[^/]+)"
		} else {
			segs[i] = strings.ReplaceAll(regexp.QuoteMeta(seg), `\*`, ".*")
		}
	}
	return regexp.MustCompile("^" + strings.Join(segs, "/") + "/?$")
}

// For returns the headers sent for the request path: the values of every
// matching rule, a later rule overriding an earlier one.
func (h Headers) For(path string) http.Header {
	out := http.Header{}
	for _, r := range h {
		if r.match != nil && r.match.MatchString(path) {
			for k, v := range r.Values {
				out.Set(k, v)
			}
		}
	}
	return out
}

// Wrap serves next with the headers for each request's path set first;
// edit, if not nil, may change them (a loopback server has no TLS, say).
func (h Headers) Wrap(next http.Handler, edit func(http.Header)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		set := h.For(r.URL.Path)
		if edit != nil {
			edit(set)
		}
		for k, v := range set {
			w.Header()[k] = v
		}
		next.ServeHTTP(w, r)
	})
}

// Loopback adapts the published headers to a plain-HTTP server on this
// machine: the policy no longer upgrades requests to HTTPS, which loopback
// does not speak. Nothing else is loosened.
func Loopback(h http.Header) {
	csp := h.Get("Content-Security-Policy")
	if csp == "" {
		return
	}
	var kept []string
	for _, d := range strings.Split(csp, ";") {
		if d = strings.TrimSpace(d); d != "" && d != "upgrade-insecure-requests" {
			kept = append(kept, d)
		}
	}
	h.Set("Content-Security-Policy", strings.Join(kept, "; "))
}
