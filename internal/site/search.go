package site

import (
	"slices"
	"strings"

	"artsmap/internal/registry"
	"artsmap/internal/search"
	"artsmap/internal/slug"
	"artsmap/internal/workers"
)

// Where the directory's index is published: the entry file, which names
// the rest (term chunks, word lists, review dates, points), and the
// facets part, which the map loads too. All are in the entry's folder.
const (
	FacetsPath = "/providers/" + search.FacetsName
	TermsPath  = "/providers/" + search.EntryName
)

// searchFiles makes the directory's index files, by output path. The index is
// made now, because how many term chunks it has depends on its words.
func (s *Site) searchFiles() (map[string]output, error) {
	docs := make([]search.Doc, len(s.Providers))
	workers.Each(len(docs), workers.PerCPU(), func(i int) { docs[i] = s.searchDocWords(s.Providers[i]) })
	files, err := search.Build(docs, s.Facets(), s.Places()).Files()
	if err != nil {
		return nil, err
	}
	dir := strings.TrimSuffix(trim(TermsPath), search.EntryName)
	table := make(map[string]output, len(files))
	for name, b := range files {
		table[dir+name] = func() ([]byte, error) { return b, nil }
	}
	return table, nil
}

// searchDocWords is p's document with its words worked out (see
// search.Words), or taken from the cache when p did not change (see
// cardStore), and no texts.
func (s *Site) searchDocWords(p *Provider) search.Doc {
	d := searchDoc(p)
	kept, err := s.pieces.fragment(p, "search words", func() ([]byte, error) {
		d.Words = search.Words(searchTexts(p)) // made now: not read back
		return search.AppendWords(nil, d.Words), nil
	})
	if d.Words != nil {
		return d
	}
	if words, ok := search.ParseWords(kept); ok && err == nil {
		d.Words = words
	} else {
		d.Words = search.Words(searchTexts(p))
	}
	return d
}

// searchDoc is p's document without its texts (see searchTexts).
func searchDoc(p *Provider) search.Doc {
	d := search.Doc{Slug: p.Slug, Reviewed: int(p.Reviewed.Unix() / 86400), Facets: p.facetValues(), Ages: p.ageRanges()}
	for _, v := range p.RunningVenues() { // sorting by distance: only where something still runs
		d.Points = append(d.Points, [2]float64{v.Point[0], v.Point[1]})
	}
	return d
}

// searchTexts is what the index finds p by, each text with its weight.
func searchTexts(p *Provider) []search.Text {
	var texts []search.Text
	add := func(w int, ts ...string) {
		for _, t := range ts {
			if t != "" {
				texts = append(texts, search.Text{Text: t, Weight: w})
			}
		}
	}
	add(search.WeightName, p.Name)
	add(search.WeightTags, p.Tags...)
	for _, group := range [][]*TermPage{p.Pathways, p.Artforms, p.Audiences, p.Districts, p.Referral} {
		for _, t := range group {
			add(search.WeightVocab, t.Label)
		}
	}
	add(search.WeightSummary, p.Summary)
	add(search.WeightBody, htmlText(p.Body()))
	for _, pg := range p.Programmes {
		add(search.WeightProgramme, pg.Title)
		add(search.WeightSummary, pg.Summary)
		for _, t := range pg.Pathways {
			add(search.WeightVocab, t.Label)
		}
	}
	for _, v := range p.Venues {
		add(search.WeightPlace, v.Name, v.Address, v.Postcode, strings.ReplaceAll(v.Postcode, " ", ""))
	}
	return texts
}

// facetValues lists, for each directory filter, the values a provider has:
// its own and those of its programmes and venues.
func (p *Provider) facetValues() map[string][]string {
	ids := func(ts []*TermPage) []string {
		out := make([]string, len(ts))
		for i, t := range ts {
			out[i] = t.ID
		}
		return out
	}
	f := map[string][]string{
		"pathway": ids(p.Pathways), "artform": ids(p.Artforms), "district": ids(p.Districts),
		"audience": ids(p.Audiences), "referral": ids(p.Referral), "status": {p.Status},
	}
	for _, pg := range p.Programmes {
		f["pathway"] = appendNew(f["pathway"], ids(pg.Pathways)...)
		f["artform"] = appendNew(f["artform"], ids(pg.Artforms)...)
		f["audience"] = appendNew(f["audience"], ids(pg.Audiences)...)
		f["status"] = appendNew(f["status"], pg.Status)
		f["cost"] = appendNew(f["cost"], pg.Cost)
		f["format"] = appendNew(f["format"], pg.Format)
	}
	for _, v := range p.Venues {
		if v.StepFree != nil && *v.StepFree {
			f["access"] = []string{"step-free"}
		}
	}
	p.scheduleFacets(f)
	return f
}

func appendNew(list []string, vals ...string) []string {
	for _, v := range vals {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// Facets lists the directory's filters in the order the page shows them.
func (s *Site) Facets() []search.Facet {
	vocab := func(key, param, lbl string) search.Facet {
		f := search.Facet{Key: param, Label: lbl}
		if t := s.Taxonomy(key); t != nil {
			for _, term := range t.Terms {
				f.Values = append(f.Values, search.Value{ID: term.ID, Label: term.Label})
			}
		}
		return f
	}
	fixed := func(param, lbl string, cs registry.Choices) search.Facet {
		f := search.Facet{Key: param, Label: lbl}
		for _, c := range cs {
			f.Values = append(f.Values, search.Value{ID: c.ID, Label: c.Label})
		}
		return f
	}
	access := search.Facet{Key: "access", Label: "Access", Values: []search.Value{{ID: "step-free", Label: "Step-free venue"}}}
	var out []search.Facet
	for _, v := range registry.Vocabularies {
		out = append(out, vocab(v.Key, v.Param, v.FilterLabel))
	}
	return append(out,
		fixed("status", "Status", registry.ProgrammeStatuses()),
		fixed("cost", "Cost", registry.CostChoices()),
		fixed("format", "Format", registry.FormatChoices()),
		access,
		dayFacet(), timeFacet(), sessionFacet(),
	)
}

// places are the towns named in venue addresses (the last part of the
// address), each at the middle of its venues, sorted by name.
func (s *Site) places() []search.Place {
	type acc struct {
		label    string
		lon, lat float64
		n        int
	}
	towns := map[string]*acc{}
	for _, p := range s.Providers {
		for _, v := range p.Venues {
			town := townOf(v.Address)
			id := slug.Make(town)
			if id == "" {
				continue
			}
			a := towns[id]
			if a == nil {
				a = &acc{label: town}
				towns[id] = a
			}
			a.lon += v.Point[0]
			a.lat += v.Point[1]
			a.n++
		}
	}
	var out []search.Place
	for id, a := range towns {
		out = append(out, search.Place{ID: id, Label: a.label, Lon: a.lon / float64(a.n), Lat: a.lat / float64(a.n)})
	}
	slices.SortFunc(out, func(a, b search.Place) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// townOf takes the town from an address such as "High Street, Stroud".
func townOf(address string) string {
	parts := strings.Split(address, ",")
	if len(parts) < 2 {
		return ""
	}
	town := strings.TrimSpace(parts[len(parts)-1])
	town = strings.TrimSpace(strings.TrimPrefix(town, "near "))
	if town == "" || strings.IndexFunc(town, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
		return "" // a postcode or a number, not a town
	}
	return town
}

// FacetCount is a directory filter value with how many providers have it.
type FacetCount struct {
	ID, Label string
	Count     int
}

// FacetCounts is a directory filter with its values counted over every provider.
type FacetCounts struct {
	Key, Label string
	Values     []FacetCount
}

// countFacets counts every filter value over the whole directory, for
// the server-rendered form.
func (s *Site) countFacets() []FacetCounts {
	vals := make([]map[string][]string, len(s.Providers))
	for i, p := range s.Providers {
		vals[i] = p.facetValues()
	}
	var out []FacetCounts
	for _, f := range s.Facets() {
		if f.Hidden {
			continue
		}
		fc := FacetCounts{Key: f.Key, Label: f.Label}
		for _, v := range f.Values {
			n := 0
			for _, pv := range vals {
				if slices.Contains(pv[f.Key], v.ID) {
					n++
				}
			}
			fc.Values = append(fc.Values, FacetCount{ID: v.ID, Label: v.Label, Count: n})
		}
		out = append(out, fc)
	}
	return out
}

// searchExample is an example query made from the site's own content:
// the condition most providers offer and the town with most venues, such
// as "mental health Gloucester".
func (s *Site) searchExample() string {
	t := s.Taxonomy("pathways")
	if t == nil || len(t.Terms) == 0 {
		return ""
	}
	best := t.Terms[0]
	for _, term := range t.Terms {
		if len(term.Providers) > len(best.Providers) {
			best = term
		}
	}
	town := ""
	counts := map[string]int{}
	for _, p := range s.Providers {
		for _, v := range p.Venues {
			if tn := townOf(v.Address); tn != "" {
				counts[tn]++
				if counts[tn] > counts[town] || (counts[tn] == counts[town] && tn < town) {
					town = tn
				}
			}
		}
	}
	return strings.TrimSpace(strings.ToLower(best.Label) + " " + town)
}
