package site

import (
	"slices"
	"strings"

	"artsmap/internal/geo"
	"artsmap/internal/registry"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Potential is who could fill a gap in the coverage grid: providers with
// the pathway in neighbouring districts, providers in the district with a
// related art form but another pathway, and emerging or pilot programmes
// for the pathway elsewhere, each with its readiness as stated.
type Potential struct {
	Neighbours []Candidate // running the pathway in a neighbouring district
	Related    []Candidate // in the district, with an art form the pathway's programmes use
	Emerging   []Candidate // emerging or pilot programmes for the pathway elsewhere
	ByDistance bool        // neighbours are the nearest districts, as no boundaries are given
	More       [3]int      // how many more of each list than shown (at most maxCandidates are)
}

// maxCandidates is how many of each kind of candidate a gap lists; the
// page says how many more there are.
const maxCandidates = 5

// trim keeps the first maxCandidates of each list and counts the rest.
func (p *Potential) trim() {
	for i, list := range []*[]Candidate{&p.Neighbours, &p.Related, &p.Emerging} {
		if n := len(*list); n > maxCandidates {
			p.More[i] = n - maxCandidates
			*list = (*list)[:maxCandidates]
		}
	}
}

// Empty reports whether nobody could fill the gap.
func (p *Potential) Empty() bool {
	return p == nil || len(p.Neighbours)+len(p.Related)+len(p.Emerging) == 0
}

// Candidate is a provider (and, where one programme is meant, that
// programme) that could fill a gap.
type Candidate struct {
	Provider  *Provider
	Programme *Programme  // nil for the provider as a whole
	Where     []*TermPage // the districts it runs in
	Online    bool        // the programme runs online or as outreach, for Where
	Readiness []Answer
}

// Answer is one readiness question and the provider's answer, or "Not stated".
type Answer struct{ Question, Value string }

// Short is the answer in a word: Yes, No, Not stated, or Stated for a
// supervision or evaluation described in words (the readiness table gives them).
func (a Answer) Short() string {
	switch a.Value {
	case "Yes", "No", "Not stated":
		return a.Value
	}
	return "Stated"
}

// Ready is a provider named as able to fill a gap, with its readiness in full.
type Ready struct {
	Provider  *Provider
	Readiness []Answer
}

// named lists, A to Z, every provider some gap's suggestions name.
func (c *Coverage) named() []Ready {
	seen := map[*Provider]bool{}
	var out []Ready
	for _, row := range c.Rows {
		for _, cell := range row.Cells {
			if cell.Suggestions == nil {
				continue
			}
			for _, list := range [][]Candidate{cell.Suggestions.Neighbours, cell.Suggestions.Related, cell.Suggestions.Emerging} {
				for _, cand := range list {
					if !seen[cand.Provider] {
						seen[cand.Provider] = true
						out = append(out, Ready{cand.Provider, cand.Readiness})
					}
				}
			}
		}
	}
	sortByName(out, func(r Ready) string { return r.Provider.Name })
	return out
}

// readiness reads a provider's [quality] answers, saying "Not stated" for
// each it leaves out.
func readiness(p *Provider) []Answer {
	var sg, dbs, ins *bool
	var sup string
	var eval []string
	if q := p.Quality; q != nil {
		sg, dbs, ins, sup, eval = q.SafeguardingPolicy, q.DBSChecked, q.Insurance, q.Supervision, q.Evaluation
	}
	return []Answer{
		{"Safeguarding policy", yesno(sg)}, {"DBS-checked staff", yesno(dbs)}, {"Insurance", yesno(ins)},
		{"Supervision", orNotStated(sup)}, {"Evaluation", orNotStated(strings.Join(eval, ", "))},
	}
}

func orNotStated(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Not stated"
	}
	return s
}

// potential finds who could fill the gap of district d and pathway pw.
func (s *Site) potential(d, pw *TermPage) *Potential {
	near, byDistance := s.neighbours(d)
	pot := &Potential{ByDistance: byDistance}
	artforms := map[*TermPage]bool{}
	for _, p := range s.Providers {
		var where []*TermPage
		for _, pg := range p.Programmes {
			if !running(pg) || !hasTerm(pg.Pathways, pw) {
				continue
			}
			for _, a := range pg.Artforms {
				artforms[a] = true
			}
			r := s.ReachOf(pg)
			for _, nd := range r.Districts {
				if hasTerm(near, nd) && !hasTerm(where, nd) {
					where = append(where, nd)
				}
			}
			if registry.Growing(pg.Status) {
				pot.Emerging = append(pot.Emerging, Candidate{Provider: p, Programme: pg, Where: r.Districts, Online: r.Online, Readiness: readiness(p)})
			}
		}
		if len(where) > 0 {
			pot.Neighbours = append(pot.Neighbours, Candidate{Provider: p, Where: where, Readiness: readiness(p)})
		}
	}
	pot.Related = s.related(d, pw, artforms)
	pot.trim()
	return pot
}

// related are the providers serving d, without the pathway, whose art
// forms include one the pathway's running programmes use.
func (s *Site) related(d, pw *TermPage, artforms map[*TermPage]bool) []Candidate {
	var out []Candidate
	for _, p := range s.Providers {
		if !hasTerm(p.Districts, d) || hasTerm(p.Pathways, pw) {
			continue
		}
		if slices.ContainsFunc(p.Artforms, func(a *TermPage) bool { return artforms[a] }) {
			out = append(out, Candidate{Provider: p, Where: []*TermPage{d}, Readiness: readiness(p)})
		}
	}
	return out
}

// neighbours are the districts whose boundaries touch d's; without
// boundaries, the two districts whose venues' middle lies nearest to d's
// (true then in byDistance).
func (s *Site) neighbours(d *TermPage) (near []*TermPage, byDistance bool) {
	adj := s.derived.adjacent()
	if adj != nil {
		return adj[d], false
	}
	centres := s.venueCentres()
	c, ok := centres[d]
	if !ok {
		return nil, true
	}
	var others []*TermPage
	for o := range centres {
		if o != d {
			others = append(others, o)
		}
	}
	slices.SortFunc(others, func(a, b *TermPage) int {
		da, db := planar.DistanceSquared(c, centres[a]), planar.DistanceSquared(c, centres[b])
		if da != db {
			if da < db {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	return others[:min(2, len(others))], true
}

// adjacency lists, for each district with a boundary, the districts whose
// boundaries touch it; nil when no boundary matches a district.
func (s *Site) adjacency() map[*TermPage][]*TermPage {
	shapes := s.districtShapes()
	if len(shapes) == 0 {
		return nil
	}
	out := map[*TermPage][]*TermPage{}
	for _, a := range s.districtOrder(shapes) {
		for _, b := range s.districtOrder(shapes) {
			if a != b && geo.Touch(shapes[a], shapes[b]) {
				out[a] = append(out[a], b)
			}
		}
	}
	return out
}

// districtShapes are the boundaries matched to districts by ONS code.
func (s *Site) districtShapes() map[*TermPage]orb.Geometry {
	out := map[*TermPage]orb.Geometry{}
	t := s.Taxonomy("districts")
	if t == nil {
		return out
	}
	for _, a := range s.boundaries {
		for _, d := range t.Terms {
			if d.Code != "" && d.Code == a.Code {
				out[d] = a.Geometry
			}
		}
	}
	return out
}

// districtOrder lists the districts of shapes in the vocabulary's order.
func (s *Site) districtOrder(shapes map[*TermPage]orb.Geometry) []*TermPage {
	var out []*TermPage
	for _, d := range s.Taxonomy("districts").Terms {
		if _, ok := shapes[d]; ok {
			out = append(out, d)
		}
	}
	return out
}

// venueCentres is, for each district, the middle of the venues placed in
// it, for finding near districts without boundaries.
func (s *Site) venueCentres() map[*TermPage]orb.Point {
	sum := map[*TermPage]orb.Point{}
	n := map[*TermPage]float64{}
	for _, p := range s.Providers {
		for _, v := range p.Venues {
			if ds := s.venueDistricts(p, v); len(ds) == 1 {
				sum[ds[0]] = orb.Point{sum[ds[0]][0] + v.Point[0], sum[ds[0]][1] + v.Point[1]}
				n[ds[0]]++
			}
		}
	}
	out := map[*TermPage]orb.Point{}
	for d, pt := range sum {
		out[d] = orb.Point{pt[0] / n[d], pt[1] / n[d]}
	}
	return out
}
