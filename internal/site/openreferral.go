package site

import (
	"strconv"
	"strings"

	"artsmap/internal/openreferral"
)

// OpenReferralDir is the folder of the Open Referral (HSDS 3.0) export.
const OpenReferralDir = openreferral.Dir

// RedirectsFile is the Netlify rules file the build writes for the Open
// Referral API (openreferral.Redirects).
const RedirectsFile = "_redirects"

// openReferralFiles are the files of the Open Referral export, by output path.
func (s *Site) openReferralFiles() []openreferral.File {
	return openreferral.StreamFiles(s.directory(), OpenReferralDir, openreferral.DefaultPageSize)
}

// orListed is what the Open Referral list page f lists (see listedBy):
// its items, each made from its provider alone, and their number in the
// whole list (the page shows it, and how many pages there are). ok is
// false for any other file, and for a page listing an item of a provider
// bySlug does not hold.
func orListed(f openreferral.File, bySlug map[string]*Provider) (listedBy, bool) {
	if f.Listed == nil {
		return listedBy{}, false
	}
	items := f.Listed.Items
	l := listedBy{providers: make([]*Provider, len(items)), names: make([]string, len(items)), what: "of " + strconv.Itoa(f.Listed.Total)}
	for i, it := range items {
		if l.providers[i] = bySlug[it.Owner]; l.providers[i] == nil {
			return listedBy{}, false
		}
		l.names[i] = it.Path
	}
	return l, true
}

// directory hands the export what the model publishes, each provider made
// when the export asks for it (at 50,000 providers, holding them all
// cost 170 MB; the export asks for one again for each of its documents),
// and what it noted of each provider in an earlier build (see cardStore).
// The model already holds no contact detail a provider has not agreed to
// publish.
func (s *Site) directory() openreferral.Directory {
	d := openreferral.Directory{Region: s.Region, Country: country(s.Language), Language: s.Language}
	for _, t := range s.Taxonomies {
		v := openreferral.Vocabulary{Key: t.Key, Name: t.Title, Description: t.Intro, URL: s.absURL(t.URL)}
		for _, term := range t.Terms {
			v.Terms = append(v.Terms, openreferral.Term{ID: term.ID, Label: term.Label,
				Description: htmlText(term.Description), URL: s.absURL(term.URL)})
		}
		d.Vocabularies = append(d.Vocabularies, v)
	}
	d.Count, d.At = len(s.Providers), func(i int) openreferral.Provider { return s.orProvider(s.Providers[i]) }
	if s.pieces != nil {
		d.Noted = func(i int, make func() ([]byte, error)) ([]byte, error) {
			return s.pieces.fragment(s.Providers[i], "openreferral entries", make)
		}
	}
	return d
}

// country is the region subtag of a language tag: "en-GB" gives "GB".
func country(lang string) string {
	parts := strings.Split(lang, "-")
	for _, p := range parts[1:] {
		if len(p) == 2 {
			return strings.ToUpper(p)
		}
	}
	return ""
}

// orProvider is a provider as the export takes it. The export asks for a
// provider again for each of its documents, so the profile's address is
// made once here for the programmes and venues too.
func (s *Site) orProvider(p *Provider) openreferral.Provider {
	profile := s.absURL(p.URL)
	op := openreferral.Provider{
		Slug: p.Slug, Name: p.Name, Summary: p.Summary, URL: profile, Website: webURL(p.Website),
		Email: p.Email, Phone: p.Phone, Reviewed: p.Reviewed,
		Terms:   termRefs(p.Districts, p.Pathways, p.Artforms, p.Audiences, p.Referral),
		Joining: s.orJoining(p.Joining),
	}
	if p.LogoURL != "" {
		op.Logo = s.absURL(p.LogoURL)
	}
	for _, v := range p.Venues {
		op.Venues = append(op.Venues, orVenue(profile, v))
	}
	for _, a := range p.Areas {
		op.Areas = append(op.Areas, openreferral.Area{ID: a.ID, Name: a.Name, Geometry: a.Geometry})
	}
	for _, pg := range p.Programmes {
		op.Programmes = append(op.Programmes, openreferral.Programme{
			ID: pg.ID, Title: pg.Title, Summary: pg.Summary, Status: pg.Status, URL: profile + "#programme-" + pg.ID,
			Format: pg.Format, FormatLabel: labelOrEmpty(pg.Format), Sessions: pg.Sessions, Cost: pg.Cost,
			CostLabel: labelOrEmpty(pg.Cost), Commissioner: pg.Commissioner, Started: pg.Started, Ended: pg.Ended,
			Terms:  termRefs(s.ReachOf(pg).Districts, pg.Pathways, pg.Artforms, pg.Audiences, p.Referral),
			Venues: venueIDs(pg.Venues), Areas: pg.areaIDs,
			Recurrences: s.orRecurrences(pg), Joining: s.orJoining(pg.Joining),
		})
	}
	return op
}

// orVenue is a venue as the export takes it; profile is the absolute
// address of its provider's profile.
func orVenue(profile string, v *Venue) openreferral.Venue {
	town := townOf(v.Address)
	street := v.Address
	if town != "" {
		street = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(strings.TrimSuffix(v.Address, town), " "), ","))
	}
	var access []string
	for _, f := range []struct {
		name string
		b    *bool
	}{{"Step-free access", v.StepFree}, {"Hearing loop", v.HearingLoop}, {"Parking", v.Parking}} {
		if f.b != nil {
			access = append(access, f.name+": "+strings.ToLower(yesno(f.b))+".")
		}
	}
	return openreferral.Venue{ID: v.ID, Name: v.Name, Address: street, Town: town, Postcode: v.Postcode,
		Point: v.Point, URL: profile + "#" + v.Anchor, Access: strings.Join(access, " "),
		Accessibility: v.Accessibility}
}

func labelOrEmpty(s string) string {
	if s == "" {
		return ""
	}
	return label(s)
}

func venueIDs(vs []*Venue) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.ID
	}
	return out
}

// termRefs names the vocabulary values of the given lists of terms.
func termRefs(groups ...[]*TermPage) []openreferral.TermRef {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	out := make([]openreferral.TermRef, 0, n)
	for _, g := range groups {
		for _, t := range g {
			out = append(out, openreferral.TermRef{Vocabulary: t.Taxonomy.Key, ID: t.ID})
		}
	}
	return out
}
