package site

import (
	"html/template"
	"slices"
	"unicode/utf8"

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

// Handout reports whether the page is a handout or the page of handouts.
func (p *Page) Handout() bool { return p.Layout == "handout" || p.Layout == "handouts" }

// NoIndex reports whether search engines are asked not to index the page
// (a robots meta tag), which the sitemap then leaves out too: a handout or
// a form repeats a profile, and a thank-you page is only reached by sending.
func (p *Page) NoIndex() bool {
	return p.Handout() || p.Form != nil || p.Layout == "feedback-thanks" || p.Layout == "form-thanks"
}

// qrSVG draws a QR code of address, named for assistive technology; the
// page prints the address in words beside it.
func qrSVG(address string) (template.HTML, error) {
	svg, err := qrcode.SVG(address, "QR code of the web address "+address)
	return template.HTML(svg), err // drawn from numbers; the name is escaped by qrcode.SVG
}

// HandoutPrint is the print size class of a provider's handout: "" for
// the large print (14 pt), "handout-compact" (12 pt) or "handout-small"
// (11 pt) when its text would not otherwise fit one A4 page. The measure
// is the length of the text the handout shows beyond its fixed parts,
// with each listed item counted as most of a line of its column.
func (p *Provider) HandoutPrint() string {
	switch n := p.HandoutLength(); {
	case n <= handoutLarge:
		return ""
	case n <= handoutCompact:
		return "handout-compact"
	default:
		return "handout-small"
	}
}

// The longest handouts, in HandoutLength, that fit one A4 page at each
// print size (measured on the sample site by printing every handout).
const (
	handoutLarge   = 1150
	handoutCompact = 1550
)

// HandoutLength adds up the length of the text a handout shows.
func (p *Provider) HandoutLength() int {
	const item = 30  // a listed item or a fact starts a new line
	const stale = 60 // the stale notice, which age.js may show on any later day
	n := utf8.RuneCountInString(p.Summary+p.Name+p.Joining.Eligibility+string(p.Joining.HowToJoin)+p.Joining.ReferralForm) + 6*item + stale
	for _, t := range slices.Concat(p.Pathways, p.Referral, p.Artforms) {
		n += utf8.RuneCountInString(t.Label) + 2
	}
	for _, pg := range p.Running() {
		n += utf8.RuneCountInString(pg.Title+pg.Sessions) + item
		for _, s := range pg.Schedules {
			n += utf8.RuneCountInString(s.Text+s.Note) + item
		}
		if pg.OwnJoining {
			n += utf8.RuneCountInString(pg.Joining.Eligibility) + item
		}
	}
	for _, v := range p.RunningVenues() {
		n += utf8.RuneCountInString(v.Name+v.Address+v.Postcode+v.Accessibility) + 3*item
	}
	return n
}
