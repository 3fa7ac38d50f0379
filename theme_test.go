package artsmap

import (
	"io/fs"
	"strings"
	"testing"

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
