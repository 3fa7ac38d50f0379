package artsmap

import (
	"artsmap/internal/netlify"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"artsmap/internal/site"

	"github.com/BurntSushi/toml"
)

// TestThemeEmbedded checks the binary carries every layout and the stylesheet.
func TestThemeEmbedded(t *testing.T) {
	for _, name := range []string{"layouts/base.html", "layouts/provider.html", "layouts/factsheet.html", "static/css/site.css"} {
		if _, err := fs.Stat(Theme, name); err != nil {
			t.Errorf("theme lacks %s: %v", name, err)
		}
	}
}

// TestNetlifyHeaders checks the deployment sends the security headers.
func TestNetlifyHeaders(t *testing.T) {
	var cfg struct {
		Build struct {
			Command string `toml:"command"`
			Publish string `toml:"publish"`
		} `toml:"build"`
		Headers []struct {
			For    string            `toml:"for"`
			Values map[string]string `toml:"values"`
		} `toml:"headers"`
	}
	if _, err := toml.DecodeFile("netlify.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Build.Publish != "public" || cfg.Build.Command == "" {
		t.Errorf("build = %+v", cfg.Build)
	}
	var all map[string]string
	for _, h := range cfg.Headers {
		if h.For == "/*" {
			all = h.Values
		}
	}
	csp := all["Content-Security-Policy"]
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %q: %s", want, csp)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "*"} {
		if strings.Contains(strings.Split(csp, "img-src")[0], bad) {
			t.Errorf("CSP allows %q before img-src: %s", bad, csp)
		}
	}
	for _, h := range []string{"Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
		if all[h] == "" {
			t.Errorf("no %s header", h)
		}
	}
	if img, want := directive(csp, "img-src"), "'self' data: https://"+tileHost(t); img != want {
		t.Errorf("CSP img-src is %q, want %q: the site itself, data: and the tile host of content/site.toml", img, want)
	}
}

// directive returns the sources of one directive of a policy.
func directive(csp, name string) string {
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 && f[0] == name {
			return strings.Join(f[1:], " ")
		}
	}
	return ""
}

// tileHost is the host of the map tiles content/site.toml configures.
func tileHost(t *testing.T) string {
	var cfg struct {
		Map struct {
			Tiles string `toml:"tiles"`
		} `toml:"map"`
	}
	if _, err := toml.DecodeFile("content/site.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	host, _, _ := strings.Cut(strings.TrimPrefix(cfg.Map.Tiles, "https://"), "/")
	return host
}

// netlifyConfig is the part of netlify.toml the tests below read.
type netlifyConfig struct {
	Redirects []rule `toml:"redirects"`
}

func readNetlify(t *testing.T) netlifyConfig {
	t.Helper()
	var cfg netlifyConfig
	if _, err := toml.DecodeFile("netlify.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// headersFor are the headers Netlify sends for path, read the same way as
// the browser tests and scripts/serve-public read them.
func headersFor(t *testing.T, path string) map[string]string {
	t.Helper()
	h, err := netlify.Load("netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k := range h.For(path) {
		out[k] = h.For(path).Get(k)
	}
	return out
}

// TestNetlifyEffectiveHeaders checks what each kind of address really gets:
// pages may not be framed, embeds may be, open data may be fetched by any site.
func TestNetlifyEffectiveHeaders(t *testing.T) {
	home, embed := headersFor(t, "/"), headersFor(t, "/embed/map/")
	api, data := headersFor(t, "/openreferral/services/page-1.json"), headersFor(t, "/data/providers.csv")
	if !strings.Contains(home["Content-Security-Policy"], "frame-ancestors 'none'") {
		t.Errorf("pages may be framed: %v", home)
	}
	// X-Frame-Options has no valid value that allows every site to frame
	// the embeds, so it is sent nowhere: frame-ancestors decides.
	if home["X-Frame-Options"] != "" || embed["X-Frame-Options"] != "" {
		t.Errorf("X-Frame-Options sent: pages %q, embeds %q", home["X-Frame-Options"], embed["X-Frame-Options"])
	}
	for path, want := range map[string]string{"/learning/a/references.bib": "application/x-bibtex; charset=utf-8",
		"/learning/a/references.ris": "application/x-research-info-systems; charset=utf-8"} {
		if got := headersFor(t, path)["Content-Type"]; got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
	}
	if home["Access-Control-Allow-Origin"] != "" {
		t.Error("pages are open to other origins")
	}
	csp := embed["Content-Security-Policy"]
	if !strings.Contains(csp, "frame-ancestors *") {
		t.Errorf("embeds may not be framed: %v", embed)
	}
	if strings.Replace(csp, "frame-ancestors *", "frame-ancestors 'none'", 1) != home["Content-Security-Policy"] {
		t.Errorf("the embeds' policy differs from the pages' by more than frame-ancestors:\n%s\n%s", csp, home["Content-Security-Policy"])
	}
	for name, h := range map[string]map[string]string{"Open Referral": api, "data": data, "root": headersFor(t, "/openreferral")} {
		if h["Access-Control-Allow-Origin"] != "*" {
			t.Errorf("%s: no Access-Control-Allow-Origin: *", name)
		}
		if !strings.Contains(h["Content-Security-Policy"], "frame-ancestors 'none'") {
			t.Errorf("%s: lost the pages' policy", name)
		}
	}
	checkEditorHeaders(t, headersFor(t, "/admin/"), headersFor(t, "/admin/config.yml"))
}

// checkEditorHeaders: the editor's looser policy still forbids inline and
// eval'd script, plugins and framing, and keeps the sign-in pop-up's opener.
func checkEditorHeaders(t *testing.T, pages ...map[string]string) {
	t.Helper()
	for _, h := range pages {
		csp := h["Content-Security-Policy"]
		directives := map[string]string{}
		for _, d := range strings.Split(csp, ";") {
			name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
			directives[name] = value
		}
		if directives["script-src"] != "'self'" || directives["object-src"] != "'none'" || directives["frame-ancestors"] != "'none'" {
			t.Errorf("the editor's policy is too loose: %s", csp)
		}
		if !strings.Contains(directives["style-src"], "unsafe-inline") || h["Cross-Origin-Opener-Policy"] != "same-origin-allow-popups" {
			t.Errorf("the editor cannot run under: %v", h)
		}
		if h["Strict-Transport-Security"] == "" || h["X-Content-Type-Options"] != "nosniff" {
			t.Errorf("the editor lost the site's other headers: %v", h)
		}
	}
}

// rule is one Netlify redirect rule, from netlify.toml or _redirects.
type rule struct {
	From   string            `toml:"from"`
	To     string            `toml:"to"`
	Status int               `toml:"status"`
	Query  map[string]string `toml:"query"`
	Force  bool              `toml:"force"`
}

// parseRedirects reads a _redirects file: "from [key=value ...] to status".
func parseRedirects(t *testing.T, data []byte) []rule {
	t.Helper()
	var out []rule
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		r := rule{From: f[0], Query: map[string]string{}}
		for _, q := range f[1 : len(f)-2] {
			k, v, ok := strings.Cut(q, "=")
			if !ok {
				t.Fatalf("_redirects: %q is not key=value", q)
			}
			r.Query[k] = v
		}
		r.To = f[len(f)-2]
		if _, err := fmt.Sscan(f[len(f)-1], &r.Status); err != nil {
			t.Fatalf("_redirects: %q: %v", line, err)
		}
		out = append(out, r)
	}
	return out
}

// serve is what Netlify answers for a request to path?query from the files
// in tree, following rules in order: the file when it exists; else the first
// rule whose path and query match (a query value ":name" matches any value,
// another only itself). A rewrite (200) to a file that does not exist gives
// the site's 404.html: Netlify follows one rule per request. A 404 rule gives
// its target with status 404. No rule: 404.html.
func serve(rules []rule, tree map[string]bool, path string, query url.Values) (string, int) {
	if tree[strings.TrimPrefix(path, "/")] {
		return strings.TrimPrefix(path, "/"), 200
	}
	for _, r := range rules {
		m := netlify.Pattern(r.From).FindStringSubmatch(path)
		if m == nil {
			continue
		}
		to, ok := r.To, true
		for i, name := range netlify.Pattern(r.From).SubexpNames() {
			if name != "" {
				to = strings.ReplaceAll(to, ":"+name, m[i])
			}
		}
		for key, want := range r.Query {
			v := query.Get(key)
			if strings.HasPrefix(want, ":") {
				ok = ok && v != ""
				to = strings.ReplaceAll(to, want, v)
			} else {
				ok = ok && v == want
			}
		}
		if !ok {
			continue
		}
		to = strings.TrimPrefix(to, "/")
		if r.Status == 200 && !tree[to] {
			return "404.html", 404
		}
		return to, r.Status
	}
	return "404.html", 404
}

// TestNetlifyOpenReferralRewrites builds the site and follows the API's
// addresses through the build's _redirects and netlify.toml's rules to the
// files they must reach: every document at its address (an item at its own
// path, with no rule) and sent as JSON, and the JSON error with status 404
// for a page past the last, an unknown id or kind, or locations (which
// HSDS 3.0 serves only nested). _redirects holds one rule a page.
func TestNetlifyOpenReferralRewrites(t *testing.T) {
	cfg := readNetlify(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS("."), Theme: Theme, Out: out}); err != nil {
		t.Fatal(err)
	}
	tree := map[string]bool{}
	firstItem, pages := map[string]string{}, map[string]int{}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error { // a missing file fails below
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		tree[rel] = err == nil && !d.IsDir()
		if kind, file, ok := strings.Cut(strings.TrimPrefix(rel, "openreferral/"), "/"); ok && !strings.HasPrefix(file, "page-") {
			firstItem[kind] = file
		} else if ok {
			pages[kind]++
		}
		return nil
	})
	generated, err := os.ReadFile(filepath.Join(out, "_redirects"))
	if err != nil {
		t.Fatal(err)
	}
	rules := append(parseRedirects(t, generated), cfg.Redirects...)
	check := func(path, query, want string, status int) {
		t.Helper()
		q, _ := url.ParseQuery(query)
		if got, code := serve(rules, tree, path, q); got != want || code != status || !tree[want] {
			t.Errorf("%s?%s serves %q (%d), want the file %q (%d)", path, query, got, code, want, status)
		}
		if ctype := headersFor(t, path)["Content-Type"]; ctype != "application/json; charset=utf-8" {
			t.Errorf("%s is sent as %q, want JSON", path, ctype)
		}
	}
	const notFound = "openreferral/404.json"
	check("/openreferral", "", "openreferral/index.json", 200)
	check("/openreferral/", "", "openreferral/index.json", 200)
	check("/openreferral/services", "page=2", "openreferral/services/page-2.json", 200)
	check("/openreferral/people", "", notFound, 404)
	check("/openreferral/services/nope/more", "", notFound, 404)
	check("/openreferral/locations", "", notFound, 404)
	if rules, total := strings.Count(string(generated), " 200\n"), pages["organizations"]+pages["services"]+
		pages["service_at_locations"]+pages["taxonomies"]+pages["taxonomy_terms"]; rules != total {
		t.Errorf("_redirects has %d rewrites for %d list pages, want one a page", rules, total)
	}
	for _, kind := range []string{"organizations", "services", "service_at_locations", "taxonomies", "taxonomy_terms"} {
		check("/openreferral/"+kind, "", "openreferral/"+kind+"/page-1.json", 200)
		check("/openreferral/"+kind, "page=1", "openreferral/"+kind+"/page-1.json", 200)
		check("/openreferral/"+kind+"/page-1.json", "", "openreferral/"+kind+"/page-1.json", 200)
		check("/openreferral/"+kind+"/"+firstItem[kind], "", "openreferral/"+kind+"/"+firstItem[kind], 200)
		check("/openreferral/"+kind+"/"+firstItem[kind]+".json", "", notFound, 404)
		check("/openreferral/"+kind, fmt.Sprintf("page=%d", pages[kind]+1), notFound, 404)
		check("/openreferral/"+kind+"/00000000-0000-5000-8000-000000000000", "", notFound, 404)
	}
}

// TestNetlifyNearRedirect: the postcode district form's query reaches the
// district's page on Netlify: a forced 301 (the /near/ page would shadow
// it otherwise) from /near/?postcode=GL14 to /near/GL14/, a page the build
// writes.
func TestNetlifyNearRedirect(t *testing.T) {
	found := false
	for _, r := range readNetlify(t).Redirects {
		if r.From == "/near/" {
			found = true
			if r.To != "/near/:postcode/" || r.Status != 301 || !r.Force || r.Query["postcode"] != ":postcode" {
				t.Errorf("the /near/ redirect is %+v, want a forced 301 to /near/:postcode/ on the query postcode", r)
			}
		}
	}
	if !found {
		t.Fatal("netlify.toml has no redirect from /near/")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS("."), Theme: Theme, Out: out}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "near", "GL14", "index.html")); err != nil {
		t.Errorf("the redirect's target: %v", err)
	}
}
