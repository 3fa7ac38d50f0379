package site

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestLinks checks every internal link, image and script of the built
// real site: each resolves to a file, and each #fragment to an id there.
func TestLinks(t *testing.T) {
	out, _ := build(t, os.DirFS("../.."))
	tree := readTree(t, out)
	ids := map[string]map[string]bool{}
	for name, data := range tree {
		if strings.HasSuffix(name, ".html") {
			ids[name] = idsOf(data)
		}
	}
	checked := 0
	for name, data := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, ref := range refsOf(data) {
			target, frag, ok := resolveRef(name, ref)
			if !ok {
				continue // another host, or mailto/tel
			}
			checked++
			if _, exists := tree[target]; !exists {
				t.Errorf("%s links to %s: no such file %s", name, ref, target)
				continue
			}
			if frag != "" && strings.HasSuffix(target, ".html") && !ids[target][frag] {
				t.Errorf("%s links to %s: %s has no id %q", name, ref, target, frag)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d internal links checked", checked)
	}
}

// resolveRef turns a reference in the page name into an output file and
// fragment; ok is false for references off the site.
func resolveRef(name, ref string) (target, frag string, ok bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", false
	}
	frag = u.Fragment
	p := u.Path
	switch {
	case p == "":
		return name, frag, true
	case !strings.HasPrefix(p, "/"):
		p = path.Join(path.Dir("/"+name), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return strings.TrimPrefix(p, "/"), frag, true
}

func idsOf(doc []byte) map[string]bool {
	ids := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(doc))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			for _, a := range z.Token().Attr {
				if a.Key == "id" {
					ids[a.Val] = true
				}
			}
		}
	}
	return ids
}

func refsOf(doc []byte) []string {
	var refs []string
	z := html.NewTokenizer(bytes.NewReader(doc))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			if (a.Key == "href" && tok.Data != "link") || a.Key == "src" || (a.Key == "href" && tok.Data == "link" && !strings.Contains(attr(tok, "rel"), "canonical")) {
				refs = append(refs, a.Val)
			}
		}
	}
	return refs
}
