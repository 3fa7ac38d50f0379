package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHostileContent builds a site whose every text field carries script
// payloads and checks every HTML file: no element that runs or embeds
// code, no event-handler attribute, no address with a dangerous scheme.
func TestHostileContent(t *testing.T) {
	out, res := build(t, txtarSite(t, "hostile"))
	warned := 0
	for _, p := range res.Problems {
		if strings.Contains(p.Message, "raw HTML") || strings.Contains(p.Message, "removed") {
			warned++
		}
	}
	if warned == 0 {
		t.Error("raw HTML and bad links in Markdown were not reported as warnings")
	}
	tree := readTree(t, out)
	pages := 0
	for name, data := range tree {
		switch {
		case strings.HasSuffix(name, ".html"):
			pages++
			for _, bad := range inertProblems(data) {
				t.Errorf("%s: %s", name, bad)
			}
		case strings.HasSuffix(name, ".xml"):
			if err := xml.Unmarshal(data, new(struct{})); err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages were built", pages)
	}
	if !bytes.Contains(tree["providers/evil/index.html"], []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Error("the payload in the provider name is not shown as escaped text")
	}
}

// inertProblems lists everything in an HTML document that could run code.
func inertProblems(doc []byte) []string {
	var bad []string
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				bad = append(bad, "unparsable HTML: "+z.Err().Error())
			}
			return bad
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "base":
			if len(tok.Attr) != 1 || tok.Attr[0].Key != "target" {
				bad = append(bad, "<base> that does more than choose where links open")
			}
		case "iframe", "object", "embed", "foreignobject", "math", "frame", "frameset":
			bad = append(bad, "element <"+tok.Data+">")
		case "script":
			if attr(tok, "src") == "" && strings.EqualFold(strings.TrimSpace(attr(tok, "type")), "application/ld+json") {
				bad = append(bad, dataBlockProblems(z)...)
				continue
			}
			if !ownScript(tok) {
				bad = append(bad, "script not loaded from the site itself")
			}
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				bad = append(bad, "event handler "+a.Key+" on <"+tok.Data+">")
			}
			if isURLAttr(a.Key) && !safeURL(a.Val) {
				bad = append(bad, a.Key+"="+a.Val+" on <"+tok.Data+">")
			}
		}
	}
}

// dataBlockProblems checks the text of a JSON-LD block: JSON, with no "<"
// that could end the element or open a comment.
func dataBlockProblems(z *html.Tokenizer) []string {
	if z.Next() != html.TextToken {
		return []string{"empty JSON-LD block"}
	}
	text := z.Text()
	var bad []string
	if !json.Valid(text) {
		bad = append(bad, "JSON-LD block is not JSON")
	}
	if bytes.ContainsRune(text, '<') {
		bad = append(bad, "JSON-LD block holds a raw <")
	}
	return bad
}

// ownScript reports whether a script element is one the CSP allows: loaded
// from the site itself, or a JSON-LD data block, which never runs.
func ownScript(tok html.Token) bool {
	src := attr(tok, "src")
	if src == "" {
		return strings.EqualFold(strings.TrimSpace(attr(tok, "type")), "application/ld+json")
	}
	return strings.HasPrefix(src, "/") && !strings.HasPrefix(src, "//")
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func isURLAttr(k string) bool {
	switch strings.ToLower(k) {
	case "href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href":
		return true
	}
	return false
}

// safeURL allows relative addresses and the http(s), mailto and tel schemes.
func safeURL(v string) bool {
	u, err := url.Parse(strings.TrimSpace(v))
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// TestInertProblemsDetects proves the checker above finds what it hunts.
func TestInertProblemsDetects(t *testing.T) {
	for _, doc := range []string{
		`<p><script>alert(1)</script></p>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href=" JavaScript:alert(1)">x</a>`,
		`<iframe src="https://example.org"></iframe>`,
		`<svg onload=alert(1)>`,
		`<svg><foreignObject><p>x</p></foreignObject></svg>`,
		`<script src="https://cdn.example.org/x.js"></script>`,
		`<base href="https://evil.example.net/">`,
		`<base target="_blank" href="https://evil.example.net/">`,
		`<script type="application/ld+json">{"name":"</script><script>alert(1)</script>"}</script>`,
		`<script type="application/ld+json">{"name":"x"} <!--</script>`,
		`<script type="module">alert(1)</script>`,
		`<script type="application/ld+json" src="//cdn.example.org/x.js"></script>`,
	} {
		if len(inertProblems([]byte(doc))) == 0 {
			t.Errorf("not flagged: %s", doc)
		}
	}
	if p := inertProblems([]byte(`<base target="_blank"><p><a href="/x/">x</a> &lt;script&gt;</p><script src="/js/app.js"></script><script type="application/ld+json">{"a":"\u003c/script\u003e"}</script>`)); len(p) > 0 {
		t.Errorf("safe document flagged: %v", p)
	}
}
