package site

import (
	"html/template"

	"artsmap/internal/qrcode"
)

// HandoutsPath is the page that prints the handouts of a shortlist in one
// go (with JavaScript; without, it explains how to print one).
const HandoutsPath = "/providers/handouts/"

// HandoutPath is the address of a provider's handout: one A4 page for a
// GP or link worker to give to a patient.
func (p *Provider) HandoutPath() string { return p.URL + "handout/" }

// handoutPages are each provider's handout and the page that prints a
// shortlist's handouts together.
func (s *Site) handoutPages(home, providers Link) []*Page {
	out := []*Page{{Layout: "handouts", Path: HandoutsPath, Title: "Handouts for your shortlist",
		Description: "Print a handout for each provider on your shortlist, one page each.",
		Crumbs:      []Link{home, providers}}}
	for _, p := range s.Providers {
		out = append(out, &Page{Layout: "handout", Path: p.HandoutPath(), Title: p.Name + ": handout for a patient",
			Description: p.Summary, Crumbs: []Link{home, providers, {p.Name, p.URL}}, Provider: p})
	}
	return out
}

// ProfileURL is the absolute address of the page's provider profile,
// which a handout prints and holds in its QR code.
func (p *Page) ProfileURL() string {
	if p.Provider == nil {
		return ""
	}
	return p.Site.absURL(p.Provider.URL)
}

// Handout reports whether the page is a handout or the page of handouts,
// which search engines are asked not to index: each repeats a profile.
func (p *Page) Handout() bool { return p.Layout == "handout" || p.Layout == "handouts" }

// qrSVG draws a QR code of address, named for assistive technology; the
// page prints the address in words beside it.
func qrSVG(address string) (template.HTML, error) {
	svg, err := qrcode.SVG(address, "QR code of the web address "+address)
	return template.HTML(svg), err // drawn from numbers; the name is escaped by qrcode.SVG
}
