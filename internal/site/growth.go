package site

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"artsmap/internal/registry"
)

// Growth is running programmes per year by status, for the chart drawn
// at build time (it needs no JavaScript) and the table beside it.
type Growth struct {
	Statuses []string // content.ProgrammeStatus: the programme's status today
	Years    []GrowthYear
	Max      int // the largest yearly total
}

// GrowthYear counts the programmes running in one year, by status.
type GrowthYear struct {
	Year   int
	Counts []int // in the order of Growth.Statuses
	Total  int
}

// growthYears is how many years the chart shows at most, up to this year.
const growthYears = 15

// growth counts, for each year from the earliest start to this year, the
// programmes running in it: by the rule of the map's time control, a
// programme runs from its start year (or its provider's since) to its end
// year, and one with neither year stated runs in every year.
func (s *Site) growth() *Growth {
	now := s.Now.Year()
	first := now
	g := &Growth{Statuses: registry.ProgrammeStatuses().IDs()}
	var runs []programmeRun
	for _, p := range s.Providers { // each programme's years worked out once, not once a year
		for _, pg := range p.Programmes {
			from := startYear(p, pg)
			if from != 0 && from < first {
				first = from
			}
			if i := statusIndex(g.Statuses, pg.Status); i >= 0 {
				r := programmeRun{status: i, from: from, ended: !pg.Ended.IsZero()}
				if r.ended {
					r.to = pg.Ended.Year()
				}
				runs = append(runs, r)
			}
		}
	}
	first = max(first, now-growthYears+1)
	for y := first; y <= now; y++ {
		gy := GrowthYear{Year: y, Counts: make([]int, len(g.Statuses))}
		for _, r := range runs {
			if r.runsIn(y) {
				gy.Counts[r.status]++
				gy.Total++
			}
		}
		g.Max = max(g.Max, gy.Total)
		g.Years = append(g.Years, gy)
	}
	return g
}

// startYear is the year a programme started, else its provider's since, else 0.
func startYear(p *Provider, pg *Programme) int {
	if !pg.Started.IsZero() {
		return pg.Started.Year()
	}
	return p.Since
}

// programmeRun is when a programme ran: from its start year (startYear;
// 0 when not stated) to the year it ended, if it ended; status is its
// status's place in the growth chart's list.
type programmeRun struct {
	status, from, to int
	ended            bool
}

// runsIn reports whether the programme ran in year y (timeline.js runsIn).
func (r programmeRun) runsIn(y int) bool {
	return (r.from == 0 || r.from <= y) && (!r.ended || r.to >= y)
}

func statusIndex(list []string, st string) int {
	for i, s := range list {
		if s == st {
			return i
		}
	}
	return -1
}

// Growth counts running programmes per year by status.
func (s *Site) Growth() *Growth { return s.derived.growth() }

// Chart dimensions, in SVG user units.
const chartW, chartH, chartTop, chartBottom, chartLeft = 640.0, 260.0, 10.0, 30.0, 36.0

// SVG draws the growth chart: a stacked bar per year, one colour and
// pattern per status (the table beside it gives the numbers). Only numbers
// and fixed names go into it.
func (g *Growth) SVG() template.HTML {
	var b strings.Builder
	b.WriteString(`<svg class="growth-chart" viewBox="0 0 ` + f1(chartW) + ` ` + f1(chartH) + `" width="100%" role="img" aria-labelledby="growth-title growth-desc">`)
	b.WriteString(`<title id="growth-title">Programmes running each year, by status</title>`)
	b.WriteString(`<desc id="growth-desc">A bar for each year from ` + strconv.Itoa(g.Years[0].Year) + ` to ` +
		strconv.Itoa(g.Years[len(g.Years)-1].Year) + `; the table below gives the numbers.</desc>`)
	top := max(g.Max, 1)
	plotH := chartH - chartTop - chartBottom
	step := (chartW - chartLeft) / float64(len(g.Years))
	for _, tick := range []int{0, top / 2, top} {
		y := chartTop + plotH - plotH*float64(tick)/float64(top)
		b.WriteString(`<line class="grid" x1="` + f1(chartLeft) + `" x2="` + f1(chartW) + `" y1="` + f1(r1(y)) + `" y2="` + f1(r1(y)) + `"/>`)
		b.WriteString(`<text class="axis" x="` + f1(chartLeft-6) + `" y="` + f1(r1(y+4)) + `" text-anchor="end">` + strconv.Itoa(tick) + `</text>`)
	}
	for i, gy := range g.Years {
		x := chartLeft + step*float64(i) + step*0.15
		base := chartTop + plotH
		for j, n := range gy.Counts {
			if n == 0 {
				continue
			}
			h := plotH * float64(n) / float64(top)
			base -= h
			b.WriteString(`<rect class="bar-` + g.Statuses[j] + `" x="` + f1(r1(x)) + `" y="` + f1(r1(base)) + `" width="` + f1(r1(step*0.7)) + `" height="` + f1(r1(h)) + `"/>`)
		}
		if len(g.Years) <= 8 || (len(g.Years)-1-i)%2 == 0 {
			b.WriteString(`<text class="axis" x="` + f1(r1(x+step*0.35)) + `" y="` + f1(chartH-10) + `" text-anchor="middle">` + strconv.Itoa(gy.Year) + `</text>`)
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // numbers and fixed names only
}

// r1 rounds to one decimal place, as the drawing needs no more.
func r1(v float64) float64 { return math.Round(v*10) / 10 }
