package site

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"time"
	"unicode"

	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// EvidencePath is the evidence library's address.
const EvidencePath = "/evidence/"

// Synopsis is a published evidence synopsis: one study or review.
type Synopsis struct {
	Draft        bool // shown only by serve
	Slug         string
	URL          string
	Title        string
	Pathways     []*TermPage
	Artforms     []*TermPage
	Design       *Choice
	Certainty    *Choice
	Population   string
	Participants int
	Setting      string
	Measures     []string
	Finding      string
	Reviewed     time.Time
	Reference    content.Reference
	Body         template.HTML
}

// Choice is a fixed value of the content model with its label and a plain
// explanation of what it means for how far a reader can trust a study.
type Choice struct {
	ID, Label, Explain string
	Rank               int // 0 is the strongest
}

// Designs label and explain each study design, strongest first.
var Designs = choices(registry.Designs)

// Certainties label and explain how much to trust a finding, most first.
var Certainties = choices(registry.Certainties)

func choices(grades []registry.Grade) []*Choice {
	out := make([]*Choice, len(grades))
	for i, g := range grades {
		out[i] = &Choice{ID: g.ID, Label: g.Label, Explain: g.Explain, Rank: i}
	}
	return out
}

func choiceOf(list []*Choice, id string) *Choice {
	for _, c := range list {
		if c.ID == id {
			return c
		}
	}
	return &Choice{ID: id, Label: id, Rank: len(list)}
}

func (a *assembler) evidence() {
	for _, ce := range a.cs.Evidence {
		e := &Synopsis{Draft: ce.Draft, Slug: ce.Slug, URL: EvidencePath + ce.Slug + "/", Title: ce.Title,
			Pathways: a.lookup("pathways", ce.Pathways), Artforms: a.lookup("artforms", ce.Artforms),
			Design: choiceOf(Designs, ce.Design), Certainty: choiceOf(Certainties, ce.Certainty),
			Population: ce.Population, Participants: ce.Participants, Setting: ce.Setting, Measures: ce.Measures,
			Finding: ce.Finding, Reviewed: ce.Reviewed.Time, Body: templateHTML(a.render(ce.Source))}
		if ce.Reference != nil {
			e.Reference = *ce.Reference
		}
		a.site.Evidence = append(a.site.Evidence, e)
	}
	sortSynopses(a.site.Evidence)
}

// sortSynopses orders synopses by certainty, then design, then title.
func sortSynopses(list []*Synopsis) {
	slices.SortStableFunc(list, func(x, y *Synopsis) int {
		return cmp.Or(cmp.Compare(x.Certainty.Rank, y.Certainty.Rank), cmp.Compare(x.Design.Rank, y.Design.Rank),
			strings.Compare(strings.ToLower(x.Title), strings.ToLower(y.Title)))
	})
}

// References are the synopses' references, in the library's order.
func references(list []*Synopsis) []content.Reference {
	out := make([]content.Reference, len(list))
	for i, e := range list {
		out[i] = e.Reference
	}
	return out
}

// EvidenceFor lists the synopses about a pathway (none for other vocabularies).
func (s *Site) EvidenceFor(t *TermPage) []*Synopsis {
	if t == nil || t.Taxonomy == nil || t.Taxonomy.Key != "pathways" {
		return nil
	}
	var out []*Synopsis
	for _, e := range s.Evidence {
		if slices.Contains(e.Pathways, t) {
			out = append(out, e)
		}
	}
	return out
}

// EvidenceByMeasure lists the synopses that use an outcome measure the
// provider evaluates its work with (see sharesMeasure).
func (s *Site) EvidenceByMeasure(p *Provider) []*Synopsis {
	if p.Quality == nil {
		return nil
	}
	var out []*Synopsis
	for _, e := range s.Evidence {
		if sharesMeasure(e.Measures, p.Quality.Evaluation) {
			out = append(out, e)
		}
	}
	return out
}

// sharesMeasure reports whether a measure in a names the same thing as
// one in b: equal without regard to case and spacing, or one holding the
// other as whole words ("Edinburgh Postnatal Depression Scale" and
// "Edinburgh Postnatal Depression Scale (collected by referrers)"; not
// "WEMWBS" and "SWEMWBS").
func sharesMeasure(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x, y := normMeasure(x), normMeasure(y); x != "" && y != "" &&
				(strings.Contains(" "+y+" ", " "+x+" ") || strings.Contains(" "+x+" ", " "+y+" ")) {
				return true
			}
		}
	}
	return false
}

// normMeasure lower-cases a measure and keeps its words, letters and
// digits only, one space apart.
func normMeasure(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}), " ")
}

// EvidencePathways are the provider's pathways that the library has
// synopses about, each with its browse page.
func (s *Site) EvidencePathways(p *Provider) []*EvidenceFilter {
	var out []*EvidenceFilter
	for _, t := range p.Pathways {
		if n := len(s.EvidenceFor(t)); n > 0 {
			out = append(out, &EvidenceFilter{Key: "pathway", ID: t.ID, Label: t.Label,
				URL: EvidencePath + "pathway/" + t.ID + "/", Items: s.EvidenceFor(t)})
		}
	}
	return out
}
