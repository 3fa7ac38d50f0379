package site

import (
	"encoding/json"
	"strings"
)

// ShortlistPath holds, for each provider, what the directory's shortlist
// puts in its CSV download beyond the card: published contact, when
// sessions run, venues with their access, and the profile's address. The
// script reads it only when a shortlist is downloaded.
const ShortlistPath = "/providers/shortlist.json"

// shortlistEntry is one provider in ShortlistPath. Email and phone are
// the model's, so they are empty unless the provider published them.
type shortlistEntry struct {
	Name    string   `json:"name"`
	URL     string   `json:"url"`
	Email   string   `json:"email,omitempty"`
	Phone   string   `json:"phone,omitempty"`
	Website string   `json:"website,omitempty"`
	When    []string `json:"when"`
	Venues  []string `json:"venues"`
}

// shortlistData makes ShortlistPath: {"providers": {slug: entry}}.
func (s *Site) shortlistData() ([]byte, error) {
	out := make(map[string]shortlistEntry, len(s.Providers))
	for _, p := range s.Providers {
		out[p.Slug] = shortlistEntry{Name: p.Name, URL: s.absURL(p.URL), Email: p.Email, Phone: p.Phone,
			Website: p.Website, When: whenTexts(p), Venues: venueTexts(p)}
	}
	return json.Marshal(struct {
		Providers map[string]shortlistEntry `json:"providers"`
	}{out})
}

// whenTexts says when each running programme runs, from its schedules, else its
// free text: "Breathe and sing: Wednesdays, 2pm to 3:30pm, weekly, at the hall".
func whenTexts(p *Provider) []string {
	out := []string{}
	for _, pg := range p.Running() {
		var parts []string
		for _, sc := range pg.Schedules {
			t := sc.Text
			if sc.Venue != nil {
				t += ", at " + sc.Venue.Name
			}
			parts = append(parts, t)
		}
		if len(parts) == 0 {
			parts = append(parts, nonEmpty(pg.Sessions, "times not stated"))
		}
		out = append(out, pg.Title+": "+strings.Join(parts, "; "))
	}
	return out
}

// venueTexts names each venue a patient could go to with its address and access, saying
// "not stated" for what the provider did not answer.
func venueTexts(p *Provider) []string {
	out := []string{}
	for _, v := range p.RunningVenues() {
		place := v.Name
		if addr := strings.Trim(v.Address+", "+v.Postcode, ", "); addr != "" {
			place += ", " + addr
		}
		answer := func(b *bool) string { return strings.ToLower(yesno(b)) }
		out = append(out, place+" (step-free access: "+answer(v.StepFree)+"; hearing loop: "+answer(v.HearingLoop)+
			"; parking: "+answer(v.Parking)+"; access notes: "+nonEmpty(v.Accessibility, "not stated")+")")
	}
	return out
}

// nonEmpty is s, or otherwise when s is empty.
func nonEmpty(s, otherwise string) string {
	if strings.TrimSpace(s) == "" {
		return otherwise
	}
	return s
}
