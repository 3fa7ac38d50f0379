// Package markdown owns the conversion of content text to safe HTML: one
// goldmark instance with GFM tables, heading ids and typographic quotes,
// where raw HTML is dropped (and reported), links keep only http(s),
// mailto and tel schemes, and external links are marked as such.
package markdown

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Issue is something in the Markdown the author should know about, on a
// 1-based line of the text that was rendered.
type Issue struct {
	Line    int
	Message string
}

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New builds the renderer. siteHost is the host of the site's own base
// URL: links to any other host are marked external.
func New(siteHost string) *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)), extension.Strikethrough, extension.Linkify, extension.Typographer),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(&safety{siteHost: siteHost}, 100), util.Prioritized(termLinker{}, 200)),
		),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(termRenderer{}, 100))),
	)
	return &Renderer{md: md}
}

// Render converts a Markdown document to HTML and lists what it dropped.
func (r *Renderer) Render(src []byte) (template.HTML, []Issue) {
	return r.RenderLinked(src, nil)
}

// RenderLinked is Render, linking the first mention of each of the
// glossary's terms to its definition (g may be nil).
func (r *Renderer) RenderLinked(src []byte, g *Glossary) (template.HTML, []Issue) {
	ctx := parser.NewContext()
	if g != nil {
		ctx.Set(glossaryKey, g)
	}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		// Rendering into a bytes.Buffer cannot fail; keep the text visible if it ever does.
		return template.HTML(template.HTMLEscapeString(string(src))), nil
	}
	issues, _ := ctx.Get(issuesKey).([]Issue)
	for i := range issues {
		issues[i].Line = lineOf(src, issues[i].Line)
	}
	return template.HTML(scrollTables(buf.String())), issues // produced by goldmark without raw HTML
}

// Check lists what Render would drop from src, without rendering it.
func (r *Renderer) Check(src []byte) []Issue {
	ctx := parser.NewContext()
	r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	issues, _ := ctx.Get(issuesKey).([]Issue)
	for i := range issues {
		issues[i].Line = lineOf(src, issues[i].Line)
	}
	return issues
}

// Inline converts a short Markdown text (a definition, a description) to
// HTML without the surrounding paragraph.
func (r *Renderer) Inline(src string) template.HTML {
	out, _ := r.Render([]byte(src))
	s := strings.TrimSpace(string(out))
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		s = s[len("<p>") : len(s)-len("</p>")]
	}
	return template.HTML(s) // see Render
}

// lineOf converts a byte offset in src to a 1-based line number.
func lineOf(src []byte, offset int) int {
	return bytes.Count(src[:min(offset, len(src))], []byte("\n")) + 1
}

func itoa(i int) string { return strconv.Itoa(i) }

// scrollTables wraps each table in a region that scrolls sideways, and
// that keyboard users can reach, so that a wide table never makes the
// whole page scroll (WCAG 1.4.10, reflow). Each region is a <section>
// named by its number and column headings, so that no two regions on a
// page share a name.
func scrollTables(html string) string {
	if !strings.Contains(html, "<table>") {
		return html
	}
	var b strings.Builder
	parts := strings.Split(html, "<table>")
	b.WriteString(parts[0])
	for i, part := range parts[1:] {
		b.WriteString(`<section class="table-wrap" tabindex="0" aria-label="` + tableLabel(i+1, part) + `"><table>`)
		b.WriteString(strings.Replace(part, "</table>", "</table></section>", 1))
	}
	return b.String()
}

// tableLabel names the table whose HTML (after "<table>") is rest: "Table
// 2: Role, Hours". The headings are already escaped text.
func tableLabel(n int, rest string) string {
	label := "Table " + itoa(n)
	head, _, ok := strings.Cut(rest, "</thead>")
	if !ok {
		return label
	}
	var cols []string
	for _, cell := range strings.Split(head, "</th>") {
		if _, text, ok := strings.Cut(cell, "<th>"); ok {
			if t := strings.Join(strings.Fields(tagText(text)), " "); t != "" {
				cols = append(cols, t)
			}
		}
	}
	if len(cols) == 0 {
		return label
	}
	return label + ": " + strings.Join(cols, ", ")
}

// tagText drops the tags from a fragment of HTML, keeping its text.
func tagText(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
