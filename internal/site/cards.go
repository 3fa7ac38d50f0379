package site

import (
	"html/template"
	"strings"
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
	texts *cardTexts // shared by every layout of a build
}

type card struct {
	once sync.Once
	html template.HTML
	err  error
}

func (c *cards) render(p *Provider) (template.HTML, error) {
	c.mu.Lock()
	e := c.m[p]
	if e == nil {
		e = &card{}
		c.m[p] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		store := c.texts.store
		kept, key, hit, keyed := store.get(p, c.name)
		if hit {
			e.html = template.HTML(c.texts.keep(p, string(kept)))
			store.put(p, c.name, key, e.html, false)
			return
		}
		var b strings.Builder
		e.err = c.t.ExecuteTemplate(&b, "provider-card", p)
		e.html = template.HTML(c.texts.keep(p, b.String())) // rendered by html/template
		if keyed && e.err == nil {
			store.put(p, c.name, key, e.html, true)
		}
	})
	return e.html, e.err
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
func (k *cardTexts) keep(p *Provider, text string) string {
	k.mu.Lock()
	defer k.mu.Unlock()
	if kept, ok := k.m[p]; ok {
		if kept == text {
			return kept
		}
		return strings.Clone(text)
	}
	kept := strings.Clone(text)
	k.m[p] = kept
	return kept
}
