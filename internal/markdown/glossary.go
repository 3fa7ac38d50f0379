package markdown

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Term is a defined term that text links to where it is first mentioned.
type Term struct {
	Phrase string // the term or one of its aliases, as written
	ID     string // the term's anchor: phrases of one term share it
	URL    string // where the definition is
	Tip    string // the definition as plain text, shown on hover and focus
}

// Glossary is the set of terms to link, longest phrase first.
type Glossary struct {
	terms []Term
	lower []string
}

// NewGlossary prepares terms for linking.
func NewGlossary(terms []Term) *Glossary {
	g := &Glossary{terms: append([]Term(nil), terms...)}
	sort.SliceStable(g.terms, func(i, j int) bool { return len(g.terms[i].Phrase) > len(g.terms[j].Phrase) })
	for _, t := range g.terms {
		g.lower = append(g.lower, strings.ToLower(t.Phrase))
	}
	return g
}

var glossaryKey = parser.NewContextKey()

// TermLink is the first mention of a defined term.
type TermLink struct {
	ast.BaseInline
	Term Term
	N    int // the page's count of term links, for a unique tooltip id
}

// KindTermLink is the kind of TermLink nodes.
var KindTermLink = ast.NewNodeKind("TermLink")

// Kind implements ast.Node.
func (n *TermLink) Kind() ast.NodeKind { return KindTermLink }

// Dump implements ast.Node.
func (n *TermLink) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// termLinker links the first mention of each term, outside headings,
// links and code.
type termLinker struct{}

func (termLinker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	g, _ := pc.Get(glossaryKey).(*Glossary)
	if g == nil || len(g.terms) == 0 {
		return
	}
	src := reader.Source()
	used := map[string]bool{}
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) { // never fails
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading, ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindCodeBlock,
			ast.KindFencedCodeBlock, ast.KindImage, ast.KindRawHTML, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	texts = mergeTexts(texts)
	count := 0
	for _, t := range texts {
		for t != nil {
			t = g.linkFirst(t, src, used, &count)
		}
	}
}

// mergeTexts joins text nodes that are adjacent in the source and in the
// tree (the parser splits text where an inline might start), so that a
// phrase of several words is found whole. It returns the nodes that remain.
func mergeTexts(texts []*ast.Text) []*ast.Text {
	var out []*ast.Text
	for _, t := range texts {
		if n := len(out); n > 0 {
			prev := out[n-1]
			if prev.NextSibling() == t && prev.Segment.Stop == t.Segment.Start && !prev.SoftLineBreak() && !prev.HardLineBreak() && !prev.IsRaw() && !t.IsRaw() {
				prev.Segment = text.NewSegment(prev.Segment.Start, t.Segment.Stop)
				prev.SetSoftLineBreak(t.SoftLineBreak())
				prev.SetHardLineBreak(t.HardLineBreak())
				t.Parent().RemoveChild(t.Parent(), t)
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// linkFirst links the earliest unused term in t and returns the text node
// after the link, or nil when t has no more terms.
func (g *Glossary) linkFirst(t *ast.Text, src []byte, used map[string]bool, count *int) *ast.Text {
	seg := t.Segment
	lower := strings.ToLower(string(seg.Value(src)))
	best, at := -1, -1
	for i, p := range g.lower {
		if used[g.terms[i].ID] {
			continue
		}
		if j := wordIndex(lower, p); j >= 0 && (at < 0 || j < at) {
			best, at = i, j
		}
	}
	if best < 0 || len(lower) != seg.Len() { // lower-casing changed byte lengths: leave this text alone
		return nil
	}
	used[g.terms[best].ID] = true
	*count++
	end := at + len(g.lower[best])
	parent := t.Parent()
	link := &TermLink{Term: g.terms[best], N: *count}
	link.AppendChild(link, ast.NewTextSegment(text.NewSegment(seg.Start+at, seg.Start+end)))
	after := ast.NewTextSegment(text.NewSegment(seg.Start+end, seg.Stop))
	after.SetSoftLineBreak(t.SoftLineBreak())
	t.Segment = text.NewSegment(seg.Start, seg.Start+at)
	t.SetSoftLineBreak(false)
	parent.InsertAfter(parent, t, link)
	parent.InsertAfter(parent, link, after)
	return after
}

// wordIndex finds phrase in s as whole words, or returns -1.
func wordIndex(s, phrase string) int {
	for from := 0; from <= len(s)-len(phrase); {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(phrase):])
		if !isWord(before) && !isWord(after) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWord(r rune) bool { return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// termRenderer writes a term link with its definition as a tooltip that
// shows on hover and keyboard focus and is read as the link's description.
type termRenderer struct{}

func (termRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTermLink, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		t := n.(*TermLink)
		id := "term-tip-" + itoa(t.N)
		if entering {
			w.WriteString(`<a class="term" href="`)
			w.Write(util.EscapeHTML(util.URLEscape([]byte(t.Term.URL), true)))
			w.WriteString(`" aria-describedby="` + id + `">`)
			return ast.WalkContinue, nil
		}
		w.WriteString(`</a><span class="term-tip" role="tooltip" id="` + id + `">`)
		w.Write(util.EscapeHTML([]byte(t.Term.Tip)))
		w.WriteString(`</span>`)
		return ast.WalkContinue, nil
	})
}
