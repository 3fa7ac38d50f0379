package site

import (
	"net/url"

	"artsmap/internal/registry"
)

// Coverage is the districts-by-pathways view: where activity is, and the gaps.
type Coverage struct {
	Districts []*TermPage
	Rows      []CoverageRow
	Gaps      int
}

// CoverageRow is one pathway across every district.
type CoverageRow struct {
	Pathway *TermPage
	Cells   []CoverageCell
	Total   int // providers offering the pathway anywhere
}

// CoverageCell counts the providers serving a district with a pathway and
// their programmes that are not ended.
type CoverageCell struct {
	District   *TermPage
	Providers  int
	Programmes int
	URL        string // the directory filtered to this cell
}

// Gap reports whether no provider covers the cell.
func (c CoverageCell) Gap() bool { return c.Providers == 0 }

// coverage counts providers and active programmes per district and pathway.
func (s *Site) coverage() *Coverage {
	districts, pathways := s.Taxonomy("districts"), s.Taxonomy("pathways")
	cov := &Coverage{}
	if districts == nil || pathways == nil {
		return cov
	}
	cov.Districts = districts.Terms
	for _, pw := range pathways.Terms {
		row := CoverageRow{Pathway: pw}
		for _, d := range districts.Terms {
			cell := CoverageCell{District: d, URL: "/providers/?" + url.Values{"district": {d.ID}, "pathway": {pw.ID}}.Encode()}
			for _, p := range s.Providers {
				if !hasTerm(p.Districts, d) {
					continue
				}
				active := 0
				for _, pg := range p.Programmes {
					if registry.Active(pg.Status) && hasTerm(pg.Pathways, pw) {
						active++
					}
				}
				if hasTerm(p.Pathways, pw) || active > 0 {
					cell.Providers++
					cell.Programmes += active
				}
			}
			if cell.Gap() {
				cov.Gaps++
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
	return cov
}

func hasTerm(list []*TermPage, t *TermPage) bool {
	for _, x := range list {
		if x == t {
			return true
		}
	}
	return false
}
