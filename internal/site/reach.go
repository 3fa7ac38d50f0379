package site

import (
	"strings"

	"artsmap/internal/geo"
	"artsmap/internal/registry"
)

// Reach is where a programme runs, by the rules of the coverage grid, the
// map's shading, the providers CSV and the Open Referral service areas:
// a programme at venues runs in the districts of its venues; one online,
// or with no venue (outreach, or only areas served), reaches the
// districts its provider serves, and is counted as such.
type Reach struct {
	Districts []*TermPage // where it runs at a venue, or its provider's districts when Online
	Online    bool        // online or outreach: no venue of its own
}

// reaches places every programme of the site; computed once per build.
func (s *Site) reaches() map[*Programme]Reach {
	out := map[*Programme]Reach{}
	for _, p := range s.Providers {
		for _, pg := range p.Programmes {
			out[pg] = s.reachOf(p, pg)
		}
	}
	return out
}

// ReachOf is where a programme runs (see Reach).
func (s *Site) ReachOf(pg *Programme) Reach { return s.derived.reaches()[pg] }

// reachOf works out where one programme runs.
func (s *Site) reachOf(p *Provider, pg *Programme) Reach {
	if f, _ := registry.FormatOf(pg.Format); f.Online || len(pg.Venues) == 0 {
		return Reach{Districts: p.Districts, Online: true}
	}
	var r Reach
	for _, v := range pg.Venues {
		for _, d := range s.venueDistricts(p, v) {
			if !hasTerm(r.Districts, d) {
				r.Districts = append(r.Districts, d)
			}
		}
	}
	return r
}

// venueDistricts is the district a venue lies in: the one whose boundary
// holds its point; without boundaries, the district of its postcode in the
// site's postcode file, the provider's only district, or the one of its
// districts named as the venue's town; failing those, every district the
// provider lists, as nothing places the venue more closely.
func (s *Site) venueDistricts(p *Provider, v *Venue) []*TermPage {
	if id := s.districtAt(v.Point); id != "" {
		if t := s.Taxonomy("districts"); t != nil {
			for _, d := range t.Terms {
				if d.ID == id {
					return []*TermPage{d}
				}
			}
		}
	}
	if d := s.postcodeDistrict(v.Postcode); d != nil {
		return []*TermPage{d}
	}
	if len(p.Districts) == 1 {
		return p.Districts
	}
	if town := townOf(v.Address); town != "" {
		for _, d := range p.Districts {
			if strings.EqualFold(d.Label, town) {
				return []*TermPage{d}
			}
		}
	}
	return p.Districts
}

// postcodeDistrict is the district the postcode file gives postcode, or
// nil when the file does not have it or gives it no district.
func (s *Site) postcodeDistrict(postcode string) *TermPage {
	code, ok := geo.NormalPostcode(postcode)
	if !ok {
		return nil
	}
	outward, _, _ := strings.Cut(code, " ")
	for _, o := range s.Postcodes {
		if o.Code != outward {
			continue
		}
		for _, pc := range o.postcodes {
			if pc.Code == code {
				return s.districtByCode(pc.District)
			}
		}
	}
	return nil
}

// districtByCode is the district with ONS code code, or nil.
func (s *Site) districtByCode(code string) *TermPage {
	if t := s.Taxonomy("districts"); t != nil && code != "" {
		for _, d := range t.Terms {
			if d.Code == code {
				return d
			}
		}
	}
	return nil
}

// running reports whether a programme counts as activity: a status that has not ended.
func running(pg *Programme) bool { return registry.Active(pg.Status) }
