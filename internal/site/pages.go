package site

import (
	"slices"
	"strconv"
	"strings"
)

// Page is what a layout renders: the site, where the page sits, and the
// one item it is about (only the field for its layout is set).
type Page struct {
	Site        *Site
	Layout      string // the template: "provider", "term", ...
	Path        string // URL path, e.g. /providers/mindsong/
	Title       string
	Description string
	Crumbs      []Link // breadcrumb trail, home first, excluding the page itself

	Provider  *Provider
	Taxonomy  *Taxonomy
	Term      *TermPage
	Factsheet *Factsheet
	Learning  *Learning
	Event     *Event
	Doc       *DocPage
	Filter    *LearningFilter // a filtered list of learning outputs
	Synopsis  *Synopsis       // an evidence synopsis
	Evidence  *EvidenceFilter // a browse page of the evidence library
	Full      string          // an embed's full page: /map/ for /embed/map/
	Pager     *Pager          // a page of the directory
	Near      *Outward        // a postcode district's page of nearest providers
	Form      *ProfileForm    // the update form of a profile (forms.go)
}

// LearningItems are the learning outputs the page lists.
func (p *Page) LearningItems() []*Learning {
	if p.Filter != nil {
		return p.Filter.Items
	}
	return p.Site.Learning
}

// embedPages are the chrome-less pages partner sites put in an iframe.
// The directory embed lists the directory's first page without JavaScript;
// its page links, like every link in an embed, open the full site in a new tab.
func (s *Site) embedPages(first *Pager) []*Page {
	return []*Page{
		{Layout: "embed-map", Path: "/embed/map/", Title: "Map of creative activity for health", Full: "/map/"},
		{Layout: "embed-directory", Path: "/embed/directory/", Title: "Find creative activity for health", Full: "/providers/",
			Pager: first},
	}
}

// Draft reports whether the page is a draft's, which only serve shows.
func (p *Page) Draft() bool {
	return p.Provider != nil && p.Provider.Draft || p.Factsheet != nil && p.Factsheet.Draft ||
		p.Learning != nil && p.Learning.Draft || p.Event != nil && p.Event.Draft ||
		p.Doc != nil && p.Doc.Draft || p.Synopsis != nil && p.Synopsis.Draft
}

// owner is the provider the page is made from alone (with what every page
// shows): a profile, its handout and its update form; nil for any other.
func (p *Page) owner() *Provider {
	switch {
	case p.Layout == "provider" || p.Layout == "handout":
		return p.Provider
	case p.Layout == "profile-form" && p.Form != nil:
		return p.Form.Provider
	}
	return nil
}

// Canonical is the page's absolute address.
func (p *Page) Canonical() string { return p.Site.absURL(p.Path) }

// NavState is the aria-current value for a navigation link to url:
// "page" on that page, "true" inside its section, "" elsewhere.
func (p *Page) NavState(url string) string {
	switch {
	case p.Path == url:
		return "page"
	case url != "/" && strings.HasPrefix(p.Path, url):
		return "true"
	}
	return ""
}

// pages lists every HTML page of the site.
func (s *Site) pages() []*Page {
	home := Link{"Home", "/"}
	out := []*Page{
		{Layout: "home", Path: "/", Title: s.Title, Description: s.Description},
		{Layout: "factsheets", Path: "/factsheets/", Title: "Fact sheets", Crumbs: []Link{home},
			Description: "Commissioning terms and the ideas behind arts and health, defined in plain words."},
		{Layout: "glossary", Path: "/glossary/", Title: "Glossary A to Z", Crumbs: []Link{home},
			Description: "Every term defined on the site's fact sheets, from A to Z."},
		{Layout: "learning-list", Path: "/learning/", Title: "Learning", Crumbs: []Link{home},
			Description: "Reports, appraisals, frameworks, case studies and evidence from the programme."},
		{Layout: "events", Path: "/events/", Title: "Events", Crumbs: []Link{home},
			Description: "Peer reviews, Creative Labs, gatherings and training."},
		{Layout: "404", Path: "/404.html", Title: "Page not found", Crumbs: []Link{home}},
		{Layout: "map", Path: "/map/", Title: "Map of activity", Crumbs: []Link{home},
			Description: "Where creative activity for health happens: venues by status, density and growth over time."},
		{Layout: "venues", Path: "/map/venues/", Title: "Every venue", Crumbs: []Link{home, {"Map", "/map/"}},
			Description: "Every venue on the map, with its provider, programmes and step-free access."},
		{Layout: "data", Path: "/data/", Title: "Open data", Crumbs: []Link{home},
			Description: "Download the map's data, use it through Open Referral, or put the map on your own site."},
		{Layout: "coverage", Path: "/coverage/", Title: "Coverage and gaps", Crumbs: []Link{home},
			Description: "Districts by conditions: where creative activity for health is, and where the gaps are."},
		{Layout: "sessions", Path: SessionsPath, Title: "When sessions run", Crumbs: []Link{home},
			Description: "Every programme that says when it runs, by day of the week and start time."},
	}
	if s.Feedback != nil && s.Feedback.Netlify {
		out = append(out, &Page{Layout: "feedback-thanks", Path: FeedbackThanksPath, Title: "Thank you for your report", Crumbs: []Link{home}})
	}
	directory := s.directoryPages(home)
	out = slices.Insert(out, 1, directory...)
	out = append(out, s.embedPages(directory[0].Pager)...)
	out = append(out, s.nearPages(home)...)
	providers := Link{"Providers", "/providers/"}
	for _, p := range s.Providers {
		out = append(out, &Page{Layout: "provider", Path: p.URL, Title: p.Name, Description: p.Summary,
			Crumbs: []Link{home, providers}, Provider: p})
	}
	out = append(out, s.handoutPages(home, providers)...)
	for _, t := range s.Taxonomies {
		out = append(out, &Page{Layout: "taxonomy", Path: t.URL, Title: t.Title, Description: t.Intro,
			Crumbs: []Link{home}, Taxonomy: t})
		for _, term := range t.Terms {
			out = append(out, &Page{Layout: "term", Path: term.URL, Title: term.Label,
				Description: termDescription(term), Crumbs: []Link{home, {t.Title, t.URL}}, Taxonomy: t, Term: term})
		}
	}
	for _, f := range s.Factsheets {
		out = append(out, &Page{Layout: "factsheet", Path: f.URL, Title: f.Title, Description: f.Summary,
			Crumbs: []Link{home, {"Fact sheets", "/factsheets/"}}, Factsheet: f})
	}
	kinds, pathways := s.learningFilters()
	for _, f := range slices.Concat(kinds, pathways) {
		out = append(out, &Page{Layout: "learning-list", Path: f.URL, Title: "Learning: " + f.Label,
			Description: "Learning outputs listed under " + f.Label + ".", Crumbs: []Link{home, {"Learning", "/learning/"}}, Filter: f})
	}
	for _, l := range s.Learning {
		out = append(out, &Page{Layout: "learning", Path: l.URL, Title: l.Title, Description: l.Summary,
			Crumbs: []Link{home, {"Learning", "/learning/"}}, Learning: l})
	}
	out = append(out, s.evidencePages(home)...)
	for _, e := range s.Events() {
		out = append(out, &Page{Layout: "event", Path: e.URL, Title: e.Title, Description: e.Summary,
			Crumbs: []Link{home, {"Events", "/events/"}}, Event: e})
	}
	for _, d := range s.Pages {
		out = append(out, &Page{Layout: "page", Path: d.URL, Title: d.Title, Description: d.Summary,
			Crumbs: []Link{home}, Doc: d})
	}
	out = append(out, s.formPages(home)...)
	for _, p := range out {
		p.Site = s
	}
	return out
}

// directoryPages are the pages of the directory: /providers/ and, when
// there are more providers than one page lists, /providers/page/2/ on.
func (s *Site) directoryPages(home Link) []*Page {
	var out []*Page
	for _, pg := range directoryPagers(s.Providers) {
		p := &Page{Layout: "providers", Path: directoryURL(pg.Number), Title: "Find creative activity", Crumbs: []Link{home},
			Description: "Every organisation and artist on the map, with filters by condition, art form, district and referral route.", Pager: pg}
		if pg.Number > 1 {
			p.Title += ", page " + strconv.Itoa(pg.Number) + " of " + strconv.Itoa(pg.Total)
			p.Crumbs = []Link{home, {"Find creative activity", "/providers/"}}
		}
		out = append(out, p)
	}
	return out
}

func termDescription(t *TermPage) string {
	n := len(t.Providers)
	return strconv.Itoa(n) + " " + plural(n, "provider", "providers") + " on the map listed under " + t.Label + "."
}
