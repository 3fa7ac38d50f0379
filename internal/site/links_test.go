package site

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"artsmap/internal/synth"

	"golang.org/x/net/html"
)

// TestLinks checks every internal reference of four builds: links, images
// and srcset candidates, scripts, stylesheets and other <link>s, the data
// files pages name in data-* attributes, the modules JavaScript imports
// and the files CSS loads with url(). Each resolves to a file, and each
// #fragment to an id in that page.
func TestLinks(t *testing.T) {
	sites := []struct {
		name string
		fsys func(t *testing.T) fs.FS
		min  int // references checked, at least
	}{
		{"content", func(*testing.T) fs.FS { return os.DirFS("../..") }, 5000},
		{"synthetic", func(*testing.T) fs.FS { return synth.Site(230, 1) }, 3000}, // three directory pages
		{"hostile", func(t *testing.T) fs.FS { return txtarSite(t, "hostile") }, 500},
		{"fellside", func(t *testing.T) fs.FS { return txtarSite(t, "fellside") }, 500},
		{"evidence", func(t *testing.T) fs.FS { return txtarSite(t, "evidence") }, 500},
	}
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			out, _ := build(t, s.fsys(t))
			broken, checked := brokenLinks(readTree(t, out))
			for _, b := range broken {
				t.Error(b)
			}
			if checked < s.min {
				t.Errorf("only %d internal references checked, want at least %d", checked, s.min)
			}
		})
	}
}

// TestLinkCheckerFails proves the checker finds each kind of broken reference.
func TestLinkCheckerFails(t *testing.T) {
	tree := map[string][]byte{
		"index.html": []byte(`<a href="/missing/">a</a><a href="#nope">b</a><a href="/a/#top">c</a>
<img src="/ok.png" srcset="/ok.png 1x, /gone.png 2x" alt=""><link rel="stylesheet" href="/css/none.css">
<form data-facets="/providers/facets.json"></form><script type="module" src="/js/a.js"></script>`),
		"a/index.html": []byte(`<h1 id="title">A</h1>`),
		"ok.png":       nil,
		"js/a.js":      []byte("import { x } from './gone.js';\nimport('../lazy.js');\n"),
		"css/site.css": []byte("body { background: url('/img/none.png'); } .a { background: url(data:image/png;base64,AA==); }"),
	}
	broken, _ := brokenLinks(tree)
	got := strings.Join(broken, "\n")
	for _, want := range []string{"/missing/", "#nope", "/a/#top", "/gone.png", "/css/none.css", "/providers/facets.json", "./gone.js", "../lazy.js", "/img/none.png"} {
		if !strings.Contains(got, want) {
			t.Errorf("not reported: %s\n(reported:\n%s)", want, got)
		}
	}
	if strings.Contains(got, "data:") || strings.Contains(got, "ok.png 1x") {
		t.Errorf("false alarm:\n%s", got)
	}
}

// brokenLinks checks every internal reference in the tree and returns the
// broken ones and how many were checked.
func brokenLinks(tree map[string][]byte) (broken []string, checked int) {
	ids := map[string]map[string]bool{}
	for name, data := range tree {
		if strings.HasSuffix(name, ".html") {
			ids[name] = idsOf(data)
		}
	}
	for name, data := range tree {
		for _, ref := range refsIn(name, data) {
			target, frag, ok := resolveRef(name, ref)
			if !ok {
				continue // another host, or mailto/tel
			}
			checked++
			if _, exists := tree[target]; !exists {
				broken = append(broken, name+" refers to "+ref+": no such file "+target)
			} else if frag != "" && strings.HasSuffix(target, ".html") && !ids[target][frag] {
				broken = append(broken, name+" refers to "+ref+": "+target+" has no id "+frag)
			}
		}
	}
	return broken, checked
}

// refsIn returns the references a file makes, by its kind.
func refsIn(name string, data []byte) []string {
	switch path.Ext(name) {
	case ".html":
		return refsOf(data)
	case ".js":
		return matches(jsImport, data)
	case ".css":
		return matches(cssURL, data)
	}
	return nil
}

var (
	// jsImport finds static and dynamic module imports.
	jsImport = regexp.MustCompile(`(?m)(?:^\s*import\s[^'"]*?from\s*|^\s*import\s*|\bimport\(\s*)['"]([^'"]+)['"]`)
	// cssURL finds url() references, data: addresses aside.
	cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")\s]+)['"]?\s*\)`)
)

func matches(re *regexp.Regexp, data []byte) []string {
	var out []string
	for _, m := range re.FindAllSubmatch(data, -1) {
		if ref := string(m[1]); !strings.HasPrefix(ref, "data:") {
			out = append(out, ref)
		}
	}
	return out
}

// resolveRef turns a reference in the file name into an output file and
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

// refsOf returns the addresses an HTML page refers to: href (but a
// canonical link's, which names the published address), src, each srcset
// candidate, and data-* attributes that hold a site path.
func refsOf(doc []byte) []string {
	var refs []string
	z := html.NewTokenizer(bytes.NewReader(doc))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			switch {
			case a.Key == "href" && !(tok.Data == "link" && strings.Contains(attr(tok, "rel"), "canonical")), a.Key == "src":
				refs = append(refs, a.Val)
			case a.Key == "srcset":
				for _, c := range strings.Split(a.Val, ",") {
					if f := strings.Fields(c); len(f) > 0 {
						refs = append(refs, f[0])
					}
				}
			case strings.HasPrefix(a.Key, "data-") && strings.HasPrefix(a.Val, "/") && !strings.HasPrefix(a.Val, "//"):
				refs = append(refs, a.Val)
			}
		}
	}
	return refs
}

// TestStatementLinked: every page of the real site links to the
// accessibility statement, as the accessibility regulations expect; the
// embeds too. The editor at /admin/ is the CMS's own page, for editors.
func TestStatementLinked(t *testing.T) {
	out, _ := build(t, os.DirFS("../.."))
	tree := readTree(t, out)
	if _, ok := tree["accessibility/index.html"]; !ok {
		t.Fatal("no accessibility statement at /accessibility/")
	}
	for name, data := range tree {
		if strings.HasSuffix(name, ".html") && !strings.HasPrefix(name, "admin/") && !bytes.Contains(data, []byte(`<a href="/accessibility/">Accessibility statement</a>`)) {
			t.Errorf("%s does not link to the accessibility statement", name)
		}
	}
}
