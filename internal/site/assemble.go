package site

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"artsmap/internal/cms"
	"artsmap/internal/content"
	"artsmap/internal/diag"
	"artsmap/internal/geo"
	"artsmap/internal/markdown"
	"artsmap/internal/registry"
)

// assembler turns loaded content into the Site model.
type assembler struct {
	bodies
	cs    *content.Site
	probs *diag.List
	site  *Site
	terms map[string]map[string]*TermPage // taxonomy key -> id -> term
}

// bodies renders Markdown bodies, quietly: the load reported what they
// drop (see content's bodyMarkdown). A value is kept by each provider's
// body, which is rendered only when a file showing it is made.
type bodies struct {
	md    *markdown.Renderer
	cache *renderCache       // may be nil
	gloss *markdown.Glossary // linked from bodies other than fact sheets'
	gkey  [sha256.Size]byte  // identifies gloss in cache keys
}

// renderCache remembers rendered Markdown by a hash of its source text
// and of the glossary it was linked with, so that a preview reassembles a
// large site without rendering every body again. A hash keeps the keys
// small: the glossary itself in every key took 42 MB at 1,000 providers.
type renderCache struct {
	mu sync.Mutex
	m  map[cacheKey]rendered
}

// cacheKey is the SHA-256 of a body and of the glossary linked in it.
type cacheKey [sha256.Size]byte

type rendered struct {
	html   []byte
	issues []markdown.Issue
}

// assemble builds the model. The load reported what the Markdown bodies
// drop; probs takes the model's own problems.
func assemble(cs *content.Site, now time.Time, probs *diag.List) *Site {
	return assembleCached(cs, now, probs, nil)
}

// assembleCached is assemble with a cache of rendered Markdown (nil for none).
func assembleCached(cs *content.Site, now time.Time, probs *diag.List, cache *renderCache) *Site {
	c := cs.Config
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil || c.Timezone == "" {
		loc = time.UTC
	}
	host := ""
	if u, err := url.Parse(c.BaseURL); err == nil {
		host = u.Hostname()
	}
	a := &assembler{bodies: bodies{md: markdown.New(host), cache: cache}, cs: cs, probs: probs, terms: map[string]map[string]*TermPage{}}
	a.site = &Site{
		Title: c.Title, Description: c.Description, BaseURL: c.BaseURL, Language: c.Language,
		Region: c.Region.Name, Sample: c.SampleData, Licence: c.Data.Licence, LicenceURL: c.Data.LicenceURL, Now: now.In(loc), Location: loc,
		Feedback: feedback(c.Feedback),
	}
	if b := c.Region.Bounds; len(b) == 4 {
		a.site.bounds = geo.Bounds{West: b[0], South: b[1], East: b[2], North: b[3]}
	}
	a.site.Credits = c.Attribution
	for _, f := range cs.Areas {
		a.site.boundaries = append(a.site.boundaries, f.Features...)
	}
	a.site.Tiles, a.site.Attribution, a.site.Center, a.site.Zoom = c.Map.Tiles, c.Map.Attribution, c.Map.Center, c.Map.Zoom
	if cms.Enabled(&c) {
		doc := cms.Build(&c)
		a.site.editor = &doc
	}
	a.site.forms = formsOn(&c)
	a.glossary()
	a.taxonomies()
	a.postcodes()
	a.providers()
	a.factsheets()
	a.learning()
	a.evidence()
	a.events()
	a.pages()
	a.site.derive()
	return a.site
}

// render converts a document body, linking the glossary's terms.
func (b bodies) render(src content.Source) []byte {
	return b.rendered(src, b.gloss).html
}

// renderPlain renders a body without linking glossary terms.
func (b bodies) renderPlain(src content.Source) []byte {
	return b.rendered(src, nil).html
}

// lazy renders src's body when it is first asked for.
func (b bodies) lazy(src content.Source) func() template.HTML {
	return sync.OnceValue(func() template.HTML { return templateHTML(b.render(src)) })
}

// rendered is a body rendered with the glossary g, from the cache when it
// is there. Safe for concurrent use.
func (b bodies) rendered(src content.Source, g *markdown.Glossary) rendered {
	h := sha256.New()
	h.Write(src.Body)
	if g != nil {
		h.Write([]byte{0})
		h.Write(b.gkey[:])
	}
	key := cacheKey(h.Sum(nil))
	r, ok := b.cache.get(key)
	if !ok {
		html, issues := b.md.RenderLinked(src.Body, g)
		r = rendered{[]byte(html), issues}
		b.cache.put(key, r)
	}
	return r
}

func (c *renderCache) get(key cacheKey) (rendered, bool) {
	if c == nil {
		return rendered{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[key]
	return r, ok
}

func (c *renderCache) put(key cacheKey, r rendered) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[cacheKey]rendered{}
	}
	c.m[key] = r
}

// glossary prepares the fact sheets' terms and aliases for linking.
func (a *assembler) glossary() {
	var terms []markdown.Term
	key := sha256.New()
	for _, f := range a.cs.Factsheets {
		for _, t := range f.Terms {
			tip := htmlText(a.md.Inline(t.Definition))
			url := "/factsheets/" + f.Slug + "/#" + t.ID
			for _, phrase := range append([]string{t.Term}, t.Aliases...) {
				if strings.TrimSpace(phrase) == "" {
					continue
				}
				terms = append(terms, markdown.Term{Phrase: phrase, ID: t.ID, URL: url, Tip: tip})
				fmt.Fprintf(key, "%s\x01%s\x01%s\x02", phrase, url, tip)
			}
		}
	}
	a.gloss = markdown.NewGlossary(terms)
	a.gkey = [sha256.Size]byte(key.Sum(nil))
}

func (a *assembler) taxonomies() {
	v := a.cs.Config.Vocab
	lists := map[string][]content.Term{
		"pathways": v.Pathways, "artforms": v.Artforms, "districts": v.Districts, "audiences": v.Audiences, "referral": v.Referral,
	}
	for _, info := range registry.Vocabularies {
		t := &Taxonomy{Key: info.Key, Title: info.Title, Singular: info.Singular, URL: "/" + info.Key + "/", Intro: info.Intro}
		a.terms[info.Key] = map[string]*TermPage{}
		for _, vt := range lists[info.Key] {
			tp := &TermPage{ID: vt.ID, Label: vt.Label, Code: vt.Code, URL: t.URL + vt.ID + "/", Taxonomy: t}
			if vt.Description != "" {
				tp.Description = a.md.Inline(vt.Description)
			}
			t.Terms = append(t.Terms, tp)
			a.terms[info.Key][vt.ID] = tp
		}
		a.site.Taxonomies = append(a.site.Taxonomies, t)
	}
}

// lookup maps vocabulary ids to their term pages, skipping unknown ones.
func (a *assembler) lookup(key string, ids []string) []*TermPage {
	var out []*TermPage
	for _, id := range ids {
		if t, ok := a.terms[key][id]; ok && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func (a *assembler) providers() {
	for _, st := range registry.ProviderStatuses() {
		a.site.Counts.ByStatus = append(a.site.Counts.ByStatus, StatusCount{ID: st.ID, Label: st.Label})
	}
	for _, cp := range a.cs.Providers {
		p := a.provider(cp)
		a.site.Providers = append(a.site.Providers, p)
		c := &a.site.Counts
		c.Providers++
		c.Programmes += len(p.Programmes)
		c.Venues += len(p.Venues)
		for i := range c.ByStatus {
			if c.ByStatus[i].ID == p.Status {
				c.ByStatus[i].N++
			}
		}
	}
	sortByName(a.site.Providers, func(p *Provider) string { return p.Name })
	for _, p := range a.site.Providers {
		for _, group := range [][]*TermPage{p.Districts, p.Pathways, p.Artforms, p.Audiences, p.Referral} {
			for _, t := range group {
				t.Providers = append(t.Providers, p)
			}
		}
		for _, pg := range p.Programmes {
			for _, t := range slices.Concat(pg.Pathways, pg.Artforms, pg.Audiences, p.Districts) {
				t.Programmes++
			}
		}
	}
}

func (a *assembler) provider(cp *content.Provider) *Provider {
	p := &Provider{
		Draft: cp.Draft, Slug: cp.Slug, URL: "/providers/" + cp.Slug + "/", Name: cp.Name, Kind: cp.Kind, KindLabel: label(cp.Kind),
		Summary: cp.Summary, Status: cp.Status, Since: cp.Since, body: a.lazy(cp.Source),
		Districts: a.lookup("districts", cp.Districts), Pathways: a.lookup("pathways", cp.Pathways),
		Artforms: a.lookup("artforms", cp.Artforms), Audiences: a.lookup("audiences", cp.Audiences),
		Referral: a.lookup("referral", cp.Referral), Website: cp.Website, Reviewed: cp.Reviewed.Time,
		Tags: cp.Tags, Quality: cp.Quality, Areas: cp.Areas, Joining: a.joining(cp.Joining),
		StaleFrom: content.StaleFrom(cp.Reviewed.Time), folder: path.Dir(cp.Path),
	}
	p.Stale = !a.site.Now.Before(p.StaleFrom)
	if cp.PublishContact {
		p.Email, p.Phone = cp.Email, cp.Phone
		p.PhoneURI = phoneURI(cp.Phone)
	}
	a.site.bundles = append(a.site.bundles, bundle{dir: path.Dir(cp.Path), url: p.URL, files: cp.Files})
	if cp.Logo != "" {
		p.LogoURL = p.URL + cp.Logo
	}
	byID := map[string]*Venue{}
	for _, v := range cp.Venues {
		venue := &Venue{Venue: v, Anchor: "venue-" + v.ID}
		p.Venues = append(p.Venues, venue)
		byID[v.ID] = venue
	}
	for _, cg := range cp.Programmes {
		pg := &Programme{
			ID: cg.ID, Title: cg.Title, Status: cg.Status, Summary: cg.Summary,
			Pathways: a.lookup("pathways", cg.Pathways), Artforms: a.lookup("artforms", cg.Artforms),
			Audiences: a.lookup("audiences", cg.Audiences), Format: cg.Format, Sessions: cg.Sessions,
			Cost: cg.Cost, Commissioner: cg.Commissioner, Started: cg.Started.Time, Ended: cg.Ended.Time,
		}
		for _, id := range cg.Venues {
			if v, ok := byID[id]; ok {
				pg.Venues = append(pg.Venues, v)
			} else {
				pg.areaIDs = append(pg.areaIDs, id)
			}
		}
		a.programmeTimes(p, pg, cp, cg, byID)
		p.Programmes = append(p.Programmes, pg)
	}
	return p
}

// phoneURI turns a written phone number into a tel: address. It keeps
// only digits (and a leading +), so the result is safe to use as a URL.
func phoneURI(phone string) template.URL {
	var b strings.Builder
	for _, r := range phone {
		if (r >= '0' && r <= '9') || (r == '+' && b.Len() == 0) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return template.URL("tel:" + b.String()) // digits only
}

func (a *assembler) pages() {
	for _, cp := range a.cs.Pages {
		a.site.Pages = append(a.site.Pages, &DocPage{
			Draft: cp.Draft, Slug: cp.Slug, URL: "/" + cp.Slug + "/", Title: cp.Title, Summary: cp.Summary,
			Updated: cp.Updated.Time, Body: templateHTML(a.render(cp.Source)),
		})
	}
	sortByName(a.site.Pages, func(p *DocPage) string { return p.Title })
}

// Page returns the page with the given slug, or nil.
func (s *Site) Page(slug string) *DocPage {
	for _, p := range s.Pages {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// fileURL is the published address of a file in a bundle.
func fileURL(pageURL, file string) string {
	return pageURL + path.Clean(file)
}
