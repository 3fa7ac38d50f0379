package main

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// hugoTheme is the Hugo site's configuration and minimal layouts.
//
//go:embed all:hugo
var hugoTheme embed.FS

// writeHugoSite makes a Hugo site in dst with the providers of the
// artsmap site in src: each provider folder becomes a page bundle with the
// same front matter and body, plus a title (Hugo sorts and links by title).
func writeHugoSite(src, dst, baseURL string) error {
	theme, err := fs.Sub(hugoTheme, "hugo")
	if err != nil {
		return err
	}
	if err := os.CopyFS(dst, theme); err != nil {
		return fmt.Errorf("writing the Hugo layouts: %w", err)
	}
	cfg := filepath.Join(dst, "config.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		return err
	}
	data = append([]byte(fmt.Sprintf("baseURL = %q\n", baseURL)), data...)
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		return err
	}
	if err := copyProviders(filepath.Join(src, "content", "providers"), filepath.Join(dst, "content", "providers")); err != nil {
		return err
	}
	return writeTerms(filepath.Join(src, "content", "site.toml"), filepath.Join(dst, "content"))
}

// writeTerms gives every vocabulary value a term page with its label as
// title, as artsmap's browse pages have, and gives the providers' section
// its title. Bundle files are not published: artsmap publishes only images.
func writeTerms(siteTOML, content string) error {
	var cfg struct {
		Vocab map[string][]struct{ ID, Label string }
	}
	if _, err := toml.DecodeFile(siteTOML, &cfg); err != nil {
		return err
	}
	files := map[string]string{"providers/_index.md": "+++\ntitle = \"Providers\"\n[cascade._build]\npublishResources = false\n+++\n"}
	for key, terms := range cfg.Vocab {
		for _, t := range terms {
			files[key+"/"+t.ID+"/_index.md"] = fmt.Sprintf("+++\ntitle = %q\n+++\n", t.Label)
		}
	}
	for name, text := range files {
		p := filepath.Join(content, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copyProviders copies every provider bundle, adding a title to index.md.
func copyProviders(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.MkdirAll(filepath.Join(dst, e.Name()), 0o755); err != nil {
			return err
		}
		for _, name := range []string{"index.md", "locations.geojson"} {
			data, err := os.ReadFile(filepath.Join(src, e.Name(), name))
			if err != nil {
				return err
			}
			if name == "index.md" {
				data = withTitle(data)
			}
			if err := os.WriteFile(filepath.Join(dst, e.Name(), name), data, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// withTitle adds title = <name> to a document's TOML front matter.
func withTitle(doc []byte) []byte {
	_, rest, ok := bytes.Cut(doc, []byte("name = "))
	if !ok {
		return doc
	}
	name, _, _ := bytes.Cut(rest, []byte("\n"))
	return bytes.Replace(doc, []byte("+++\n"), []byte("+++\ntitle = "+strings.TrimSpace(string(name))+"\n"), 1)
}
