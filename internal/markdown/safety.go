package markdown

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var issuesKey = parser.NewContextKey()

// safety is the AST transformer that makes untrusted Markdown safe: it
// removes raw HTML, unwraps links and drops images whose address is not
// allowed, demotes level-1 headings (the page title is the only h1) and
// marks external links.
type safety struct {
	siteHost string
}

// Transform implements parser.ASTTransformer.
func (s *safety) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var remove, unwrap []ast.Node
	var remote []*ast.Image
	var issues []Issue
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) { // the walker returns no error
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			remove = append(remove, n)
			issues = append(issues, Issue{Line: offsetOf(n), Message: "raw HTML is not shown on the site; write it in Markdown instead"})
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			n.Level = max(n.Level, 2)
		case *ast.Link:
			if !allowed(string(n.Destination)) {
				unwrap = append(unwrap, n)
				issues = append(issues, Issue{Line: offsetOfDest(n, reader.Source(), n.Destination), Message: "link to " + quote(n.Destination) + " removed: only http(s), mailto and tel links are allowed"})
			} else if s.external(string(n.Destination)) {
				n.SetAttributeString("rel", []byte("external noopener noreferrer"))
			}
		case *ast.AutoLink:
			url := n.URL(reader.Source())
			switch {
			case n.AutoLinkType == ast.AutoLinkEmail:
			case !allowed(string(url)):
				unwrap = append(unwrap, n)
				issues = append(issues, Issue{Line: offsetOfDest(n, reader.Source(), url), Message: "link to " + quote(url) + " removed: only http(s), mailto and tel links are allowed"})
			case s.external(string(url)):
				n.SetAttributeString("rel", []byte("external noopener noreferrer"))
			}
		case *ast.Image:
			if !allowed(string(n.Destination)) || strings.HasPrefix(strings.ToLower(string(n.Destination)), "mailto:") {
				remove = append(remove, n)
				issues = append(issues, Issue{Line: offsetOfDest(n, reader.Source(), n.Destination), Message: "image " + quote(n.Destination) + " removed: images must be files in the folder or https addresses"})
			} else if s.external(string(n.Destination)) {
				remote = append(remote, n)
				issues = append(issues, Issue{Line: offsetOfDest(n, reader.Source(), n.Destination), Message: "image " + quote(n.Destination) + " is shown as a link: pages load images only from the site itself (put the file in the folder)"})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range remove {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	for _, n := range unwrap {
		unwrapNode(n, reader.Source())
	}
	for _, n := range remote {
		imageToLink(n)
	}
	pc.Set(issuesKey, issues)
}

// unwrapNode replaces a link with its text.
func unwrapNode(n ast.Node, src []byte) {
	parent := n.Parent()
	if al, ok := n.(*ast.AutoLink); ok {
		t := ast.NewString(al.Label(src))
		parent.ReplaceChild(parent, n, t)
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// imageToLink replaces an image on another host with an external link to
// it, named by its alt text: the site's Content-Security-Policy would
// block the image, and loading it would tell that host who reads the page.
func imageToLink(img *ast.Image) {
	link := ast.NewLink()
	link.Destination = img.Destination
	link.Title = img.Title
	link.SetAttributeString("rel", []byte("external noopener noreferrer"))
	for c := img.FirstChild(); c != nil; {
		next := c.NextSibling()
		link.AppendChild(link, c)
		c = next
	}
	if !link.HasChildren() {
		link.AppendChild(link, ast.NewString([]byte("image")))
	}
	img.Parent().ReplaceChild(img.Parent(), img, link)
}

// allowed reports whether a link address may appear on the site: http(s),
// mailto and tel, or an address relative to the site.
func allowed(raw string) bool {
	dest := string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(raw)))))
	for _, r := range dest {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return false
		}
	}
	if i := strings.IndexAny(dest, ":/?#"); i > 0 && dest[i] == ':' {
		switch strings.ToLower(dest[:i]) {
		case "http", "https", "mailto", "tel":
			_, err := url.Parse(dest)
			return err == nil
		}
		return false
	}
	_, err := url.Parse(dest)
	return err == nil
}

// external reports whether dest is an absolute address on another host.
func (s *safety) external(dest string) bool {
	u, err := url.Parse(dest)
	if err != nil || u.Host == "" {
		return false
	}
	return !strings.EqualFold(u.Hostname(), s.siteHost)
}

// offsetOf returns the byte offset where n's text starts, searching its
// first descendant with lines; Render turns it into a line number.
func offsetOf(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
		if r, ok := c.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
			return r.Segments.At(0).Start
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	if p := n.Parent(); p != nil && p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
		return p.Lines().At(0).Start
	}
	return 0
}

func quote(b []byte) string {
	s := string(b)
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return `"` + s + `"`
}

// offsetOfDest finds where an inline node's address is written, searching
// its paragraph, for nodes that may have no text of their own.
func offsetOfDest(n ast.Node, src, dest []byte) int {
	if n.FirstChild() != nil {
		if _, isText := n.FirstChild().(*ast.Text); isText {
			return offsetOf(n)
		}
	}
	p := n.Parent()
	for p != nil && p.Type() != ast.TypeBlock {
		p = p.Parent()
	}
	if p == nil || p.Lines().Len() == 0 || len(dest) == 0 {
		return offsetOf(n)
	}
	start := p.Lines().At(0).Start
	end := p.Lines().At(p.Lines().Len() - 1).Stop
	if i := bytes.Index(src[start:end], dest); i >= 0 {
		return start + i
	}
	return offsetOf(n)
}
