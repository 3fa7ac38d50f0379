package site

import (
	"net/url"
)

// Coverage is the districts-by-pathways view: where activity is, and the gaps.
type Coverage struct {
	Districts []*TermPage
	Rows      []CoverageRow
	Gaps      int     // cells where nothing runs
	Idle      int     // of those, cells with a provider covering the district
	Named     []Ready // the providers who could fill some gap, A to Z, with their readiness
}

// CoverageRow is one pathway across every district.
type CoverageRow struct {
	Pathway *TermPage
	Cells   []CoverageCell
	Total   int // providers offering the pathway anywhere
}

// CoverageCell counts, for one district and pathway, the providers that
// cover the district and the programmes, not ended, that run there (see
// Reach): at a venue in the district, or online or as outreach by a
// provider that serves it.
type CoverageCell struct {
	District    *TermPage
	Pathway     *TermPage
	Providers   int // providers covering: listing the district or running there, with the pathway
	Programmes  int // running at a venue in the district
	Online      int // running online or as outreach, by a provider serving the district
	URL         string
	Suggestions *Potential // who could fill a gap; nil when nothing is missing
}

// Gap reports whether nothing runs in the cell: no programme at a venue
// in the district and none online or as outreach.
func (c CoverageCell) Gap() bool { return c.Programmes == 0 && c.Online == 0 }

// Idle reports whether the cell is a gap although a provider covers the
// district: a provider names it, but none of its programmes for the
// pathway runs there.
func (c CoverageCell) Idle() bool { return c.Gap() && c.Providers > 0 }

// coverage counts providers and running programmes per district and pathway.
func (s *Site) coverage() *Coverage {
	districts, pathways := s.Taxonomy("districts"), s.Taxonomy("pathways")
	cov := &Coverage{}
	if districts == nil || pathways == nil {
		return cov
	}
	cov.Districts = districts.Terms
	runs := s.runs()
	for _, pw := range pathways.Terms {
		row := CoverageRow{Pathway: pw}
		for _, d := range districts.Terms {
			cell := s.coverageCell(d, pw, runs)
			if cell.Gap() {
				cov.Gaps++
				cell.Suggestions = s.potential(d, pw)
			}
			if cell.Idle() {
				cov.Idle++
			}
			row.Cells = append(row.Cells, cell)
		}
		for _, p := range s.Providers {
			if hasTerm(p.Pathways, pw) {
				row.Total++
			}
		}
		cov.Rows = append(cov.Rows, row)
	}
	cov.Named = cov.named()
	return cov
}

// run is a programme that counts as activity (see running), with where
// it runs.
type run struct {
	pg    *Programme
	reach Reach
}

// runs lists, for each provider in the model's order, its programmes that
// count as activity: coverage looks at every one of them once for each
// district and pathway, and need not ask the registry each time.
func (s *Site) runs() [][]run {
	out := make([][]run, len(s.Providers))
	for i, p := range s.Providers {
		for _, pg := range p.Programmes {
			if running(pg) {
				out[i] = append(out[i], run{pg, s.ReachOf(pg)})
			}
		}
	}
	return out
}

// coverageCell counts one district and pathway; runs are the providers'
// running programmes (see runs).
func (s *Site) coverageCell(d, pw *TermPage, runs [][]run) CoverageCell {
	cell := CoverageCell{District: d, Pathway: pw, URL: "/providers/?" + url.Values{"district": {d.ID}, "pathway": {pw.ID}}.Encode()}
	for i, p := range s.Providers {
		covers := hasTerm(p.Pathways, pw) && hasTerm(p.Districts, d)
		for _, run := range runs[i] {
			if !hasTerm(run.pg.Pathways, pw) {
				continue
			}
			r := run.reach
			switch {
			case r.Online && hasTerm(r.Districts, d):
				cell.Online++
				covers = true
			case !r.Online && hasTerm(r.Districts, d):
				cell.Programmes++
				covers = true
			case hasTerm(p.Districts, d):
				covers = true
			}
		}
		if covers {
			cell.Providers++
		}
	}
	return cell
}

// RunningIn counts the programmes, not ended, that run in a district at a
// venue and online or as outreach, for the map's shading.
func (s *Site) RunningIn(d *TermPage) (atVenues, online int) {
	for _, p := range s.Providers {
		for _, pg := range p.Programmes {
			if r := s.ReachOf(pg); running(pg) && hasTerm(r.Districts, d) {
				if r.Online {
					online++
				} else {
					atVenues++
				}
			}
		}
	}
	return atVenues, online
}

func hasTerm(list []*TermPage, t *TermPage) bool {
	for _, x := range list {
		if x == t {
			return true
		}
	}
	return false
}

// DistrictGaps are the gap cells of one district, in the pathways' order.
type DistrictGaps struct {
	District *TermPage
	Cells    []CoverageCell
}

// ByDistrict lists, for each district, its gaps: the map's Gaps view.
func (c *Coverage) ByDistrict() []DistrictGaps {
	out := make([]DistrictGaps, len(c.Districts))
	for i, d := range c.Districts {
		out[i].District = d
		for _, row := range c.Rows {
			if cell := row.Cells[i]; cell.Gap() {
				out[i].Cells = append(out[i].Cells, cell)
			}
		}
	}
	return out
}
