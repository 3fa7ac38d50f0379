package content

import (
	"fmt"
	"slices"

	"artsmap/internal/diag"
	"artsmap/internal/geo"
)

// checkVenueDistricts warns about a venue whose point lies outside every
// district its provider lists, when content/areas has boundaries whose
// code property matches the districts' ONS codes.
func (l *loader) checkVenueDistricts() {
	byCode := map[string]string{}
	for _, d := range l.site.Config.Vocab.Districts {
		if d.Code != "" {
			byCode[d.Code] = d.ID
		}
	}
	type boundary struct {
		id   string
		area geo.Area
	}
	var bounds []boundary
	for _, f := range l.site.Areas {
		for _, a := range f.Features {
			if id, ok := byCode[a.Code]; ok {
				bounds = append(bounds, boundary{id, a})
			}
		}
	}
	if len(bounds) == 0 {
		return
	}
	labels := map[string]string{}
	for _, d := range l.site.Config.Vocab.Districts {
		labels[d.ID] = d.Label
	}
	for _, p := range l.site.Providers {
		for i, v := range p.Venues {
			var in []string
			for _, b := range bounds {
				if geo.Contains(b.area.Geometry, v.Point) && !slices.Contains(in, b.id) {
					in = append(in, b.id)
				}
			}
			if len(in) == 0 || slices.ContainsFunc(in, func(id string) bool { return slices.Contains(p.Districts, id) }) {
				continue
			}
			l.warnVenue(p, i, fmt.Sprintf("venue %q lies in %s, which the profile's districts do not list", v.ID, labels[in[0]]),
				fmt.Sprintf("add %q to districts, or check the venue's coordinates", in[0]))
		}
	}
}

// warnVenue records a warning at the provider's districts setting.
func (l *loader) warnVenue(p *Provider, _ int, msg, hint string) {
	d := l.docs[p]
	if d == nil {
		return
	}
	pos := d.at("districts")
	l.probs.Add(diag.Problem{Path: d.path, Line: pos.Line, Col: pos.Col, Message: msg, Hint: hint, Warning: true})
}
