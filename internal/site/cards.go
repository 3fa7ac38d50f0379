package site

import (
	"bytes"
	"html/template"
	"sync"
)

// cards renders each provider's card ("provider-card") once for a layout
// and remembers it, because a provider is listed on the directory and on
// several browse pages. Templates call it as {{card .}}.
type cards struct {
	t     *template.Template
	name  string // the layout's
	mu    sync.Mutex
	m     map[*Provider]*card
	parts map[string]*card // the parts rendered once a build (see shared)
	texts *cardTexts       // shared by every layout of a build
}

type card struct {
	once sync.Once
	html template.HTML
	err  error
}

func (c *cards) render(p *Provider) (template.HTML, error) {
	e := entryOf(&c.mu, c.m, p)
	e.once.Do(func() {
		html, err := c.texts.store.fragment(p, "card "+c.name, func() ([]byte, error) {
			var b bytes.Buffer
			err := c.t.ExecuteTemplate(&b, "provider-card", p)
			return b.Bytes(), err
		})
		e.html, e.err = template.HTML(c.texts.keep(p, html)), err // rendered by html/template, now or when it was kept
	})
	return e.html, e.err
}

// piece renders the template name of the layout for the provider p
// alone, or takes it from the store when p and the site-wide inputs did
// not change (see cardStore): for the parts of a long page that are each
// made from one provider, such as the venue table's rows. Templates call
// it as {{piece "name" .}}; what the template shows must come from p
// alone, with the site's settings.
func (c *cards) piece(name string, p *Provider) (template.HTML, error) {
	html, err := c.texts.store.fragment(p, "piece "+c.name+" "+name, func() ([]byte, error) {
		var b bytes.Buffer
		err := c.t.ExecuteTemplate(&b, name, p)
		return b.Bytes(), err
	})
	return template.HTML(html), err // rendered by html/template, now or when it was kept
}

// shared renders the template name of the layout with the site s once a
// build, for a part that many pages show the same, made from the site
// alone (the directory's filters, on each of its pages). Templates call
// it as {{shared "name" .Site}}, where {{template "name" .Site}} would
// render it again on every page; as with piece, the part begins and ends
// in the text of the page, outside any tag. s is used the first time
// only: a build has one site, and each build binds its layouts anew.
func (c *cards) shared(name string, s *Site) (template.HTML, error) {
	e := entryOf(&c.mu, c.parts, name)
	e.once.Do(func() {
		var b bytes.Buffer
		e.err = c.t.ExecuteTemplate(&b, name, s)
		e.html = template.HTML(b.String()) // rendered by html/template
	})
	return e.html, e.err
}

// entryOf is m's entry for k, added empty when there is none, under mu.
func entryOf[K comparable](mu *sync.Mutex, m map[K]*card, k K) *card {
	mu.Lock()
	defer mu.Unlock()
	e := m[k]
	if e == nil {
		e = &card{}
		m[k] = e
	}
	return e
}

// cardTexts holds one copy of each provider's card for every layout
// whose card is the same: the directory's pages and the browse pages
// each keep every card, the same text (55 MB at 50,000 providers).
type cardTexts struct {
	mu    sync.Mutex
	m     map[*Provider]string
	store *cardStore // where cards are kept between builds; nil for none
}

// keep returns the text to keep for p's card: the one kept already when
// it is the same, else a copy to its length (a builder's spare capacity
// would hold about as much again). A layout whose card differs keeps its
// own copy.
func (k *cardTexts) keep(p *Provider, text []byte) string {
	k.mu.Lock()
	defer k.mu.Unlock()
	if kept, ok := k.m[p]; ok {
		if kept == string(text) {
			return kept
		}
		return string(text)
	}
	kept := string(text)
	k.m[p] = kept
	return kept
}
