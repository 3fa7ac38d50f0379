package site

// Running are the provider's programmes that count as activity (running,
// the rule coverage counts by): what a handout or a shortlist can offer a
// patient today. An ended programme stays on the profile, as history.
func (p *Provider) Running() []*Programme {
	var out []*Programme
	for _, pg := range p.Programmes {
		if running(pg) {
			out = append(out, pg)
		}
	}
	return out
}

// RunningVenues are the provider's venues less those that only ended
// programmes name: the places a patient could go.
func (p *Provider) RunningVenues() []*Venue {
	used, named := map[string]bool{}, map[string]bool{}
	running := p.Running()
	for _, pg := range p.Programmes {
		for _, v := range pg.Venues {
			named[v.ID] = true
		}
	}
	for _, pg := range running {
		for _, v := range pg.Venues {
			used[v.ID] = true
		}
	}
	var out []*Venue
	for _, v := range p.Venues {
		if used[v.ID] || !named[v.ID] {
			out = append(out, v)
		}
	}
	return out
}
