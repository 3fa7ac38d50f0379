package site

import (
	"cmp"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// Factsheet is a published fact sheet.
type Factsheet struct {
	Draft    bool // shown only by serve
	Slug     string
	URL      string
	Title    string
	Summary  string
	Updated  time.Time
	Audience []string
	Terms    []*GlossaryTerm
	Body     template.HTML
	Minutes  int    // reading time
	text     string // the plain-text version
}

// GlossaryTerm is a defined term, at URL (its fact sheet and anchor).
type GlossaryTerm struct {
	ID         string
	Term       string
	Definition template.HTML
	Aliases    []string
	SeeAlso    []*GlossaryTerm
	URL        string
	Sheet      *Factsheet
}

// Letter groups glossary entries under their first letter.
type Letter struct {
	Letter  string
	ID      string // fragment id: letter-a, or letter-other
	Entries []*GlossaryEntry
}

// GlossaryEntry is a term, or an alias pointing at one.
type GlossaryEntry struct {
	Name  string
	Term  *GlossaryTerm
	Alias bool
}

// Learning is a published learning output.
type Learning struct {
	Draft       bool // shown only by serve
	Slug        string
	URL         string
	Title       string
	Kind        string
	KindLabel   string
	Date        time.Time
	Authors     []string
	Summary     string
	Pathways    []*TermPage
	Providers   []*Provider
	Attachments []Attachment
	References  []content.Reference
	Criteria    []content.Criterion
	Options     []*RankedOption
	Body        template.HTML
	Minutes     int    // reading time
	text        string // the plain-text version
}

// Attachment is a downloadable file of a learning output.
type Attachment struct {
	Title string
	URL   string
	Type  string // "PDF", "TXT"
	Size  string // "1.2 MB"
}

// RankedOption is an appraised option with its weighted total and rank.
type RankedOption struct {
	content.Option
	Scores []int // in criteria order; 0 where missing
	Total  int
	Rank   int
}

func (a *assembler) factsheets() {
	byID := map[string]*GlossaryTerm{}
	var all []*GlossaryTerm
	for _, cf := range a.cs.Factsheets {
		f := &Factsheet{Draft: cf.Draft, Slug: cf.Slug, URL: "/factsheets/" + cf.Slug + "/", Title: cf.Title, Summary: cf.Summary,
			Updated: cf.Updated.Time, Audience: cf.Audience, Body: templateHTML(a.renderPlain(cf.Source))}
		f.text, f.Minutes = factsheetText(cf)
		for _, ct := range cf.Terms {
			t := &GlossaryTerm{ID: ct.ID, Term: ct.Term, Definition: a.md.Inline(ct.Definition), Aliases: ct.Aliases,
				URL: f.URL + "#" + ct.ID, Sheet: f}
			f.Terms = append(f.Terms, t)
			if _, dup := byID[ct.ID]; !dup {
				byID[ct.ID] = t
				all = append(all, t)
			}
		}
		a.site.Factsheets = append(a.site.Factsheets, f)
	}
	for _, cf := range a.cs.Factsheets {
		for _, ct := range cf.Terms {
			for _, s := range ct.SeeAlso {
				if t, ok := byID[s]; ok && byID[ct.ID] != nil {
					byID[ct.ID].SeeAlso = append(byID[ct.ID].SeeAlso, t)
				}
			}
		}
	}
	sortByName(a.site.Factsheets, func(f *Factsheet) string { return f.Title })
	a.site.Glossary = glossary(all)
}

// glossary groups terms and aliases A to Z.
func glossary(terms []*GlossaryTerm) []*Letter {
	var entries []*GlossaryEntry
	for _, t := range terms {
		entries = append(entries, &GlossaryEntry{Name: t.Term, Term: t})
		for _, al := range t.Aliases {
			entries = append(entries, &GlossaryEntry{Name: al, Term: t, Alias: true})
		}
	}
	sortByName(entries, func(e *GlossaryEntry) string { return e.Name })
	var letters []*Letter
	for _, e := range entries {
		l := initial(e.Name)
		if len(letters) == 0 || letters[len(letters)-1].ID != "letter-"+strings.ToLower(l) && !(l == "#" && letters[len(letters)-1].ID == "letter-other") {
			id := "letter-" + strings.ToLower(l)
			if l == "#" {
				l, id = "0-9 and symbols", "letter-other"
			}
			letters = append(letters, &Letter{Letter: l, ID: id})
		}
		letters[len(letters)-1].Entries = append(letters[len(letters)-1].Entries, e)
	}
	return letters
}

// initial is the A-Z heading a name files under; "#" for anything else.
func initial(name string) string {
	for _, r := range strings.ToUpper(name) {
		if r >= 'A' && r <= 'Z' {
			return string(r)
		}
		if r >= '0' && r <= '9' {
			return "#"
		}
	}
	return "#"
}

func (a *assembler) learning() {
	bySlug := map[string]*Provider{}
	for _, p := range a.site.Providers {
		bySlug[p.Slug] = p
	}
	for _, cl := range a.cs.Learning {
		l := &Learning{Draft: cl.Draft, Slug: cl.Slug, URL: "/learning/" + cl.Slug + "/", Title: cl.Title, Kind: cl.Kind,
			KindLabel: registry.LearningKindChoices().Label(cl.Kind), Date: cl.Date.Time, Authors: cl.Authors, Summary: cl.Summary,
			Pathways: a.lookup("pathways", cl.Pathways), References: cl.References, Criteria: cl.Criteria,
			Body: templateHTML(a.render(cl.Source))}
		for _, s := range cl.Providers {
			if p, ok := bySlug[s]; ok {
				l.Providers = append(l.Providers, p)
			}
		}
		for _, at := range cl.Attachments {
			l.Attachments = append(l.Attachments, Attachment{Title: at.Title, URL: fileURL(l.URL, at.File),
				Type: strings.ToUpper(strings.TrimPrefix(path.Ext(at.File), ".")), Size: humanSize(at.Size)})
		}
		l.Options = rank(cl.Criteria, cl.Options)
		l.text, l.Minutes = learningText(cl)
		if cl.Bundle {
			b := bundle{dir: path.Dir(cl.Path), url: l.URL, files: cl.Files}
			for _, at := range cl.Attachments {
				b.attachments = append(b.attachments, at.File)
			}
			a.site.bundles = append(a.site.bundles, b)
		}
		a.site.Learning = append(a.site.Learning, l)
	}
	slices.SortStableFunc(a.site.Learning, func(x, y *Learning) int {
		return cmp.Or(y.Date.Compare(x.Date), strings.Compare(x.Title, y.Title))
	})
}

// rank computes each option's weighted total and its rank (ties share a rank).
func rank(criteria []content.Criterion, options []content.Option) []*RankedOption {
	var out []*RankedOption
	for _, o := range options {
		r := &RankedOption{Option: o}
		for _, c := range criteria {
			s := o.Scores[c.ID]
			r.Scores = append(r.Scores, s)
			r.Total += s * c.Weight
		}
		out = append(out, r)
	}
	for _, r := range out {
		r.Rank = 1
		for _, other := range out {
			if other.Total > r.Total {
				r.Rank++
			}
		}
	}
	return out
}

// humanSize formats a byte count as "12 KB" or "1.2 MB".
func humanSize(n int64) string {
	switch {
	case n <= 0:
		return ""
	case n < 1000:
		return strconv.Itoa(int(n)) + " bytes"
	case n < 1000*1000:
		return strconv.Itoa(int((n+500)/1000)) + " KB"
	}
	tenths := (n + 50*1000) / (100 * 1000)
	return strconv.Itoa(int(tenths/10)) + "." + strconv.Itoa(int(tenths%10)) + " MB"
}

// LearningFilter is a kind or pathway that learning outputs can be listed by.
type LearningFilter struct {
	Label string
	URL   string
	Items []*Learning
}

// learningFilters lists outputs by kind (in the content model's order) and
// by pathway (in the vocabulary's order), leaving out empty ones.
func (s *Site) learningFilters() (kinds, pathways []*LearningFilter) {
	for _, k := range registry.LearningKinds {
		f := &LearningFilter{Label: k.Label, URL: "/learning/kind/" + k.ID + "/"}
		for _, l := range s.Learning {
			if l.Kind == k.ID {
				f.Items = append(f.Items, l)
			}
		}
		if len(f.Items) > 0 {
			kinds = append(kinds, f)
		}
	}
	if t := s.Taxonomy("pathways"); t != nil {
		for _, term := range t.Terms {
			f := &LearningFilter{Label: term.Label, URL: "/learning/pathway/" + term.ID + "/"}
			for _, l := range s.Learning {
				if slices.Contains(l.Pathways, term) {
					f.Items = append(f.Items, l)
				}
			}
			if len(f.Items) > 0 {
				pathways = append(pathways, f)
			}
		}
	}
	return kinds, pathways
}

// LearningKindFilters are the kinds learning outputs can be listed by.
func (s *Site) LearningKindFilters() []*LearningFilter { k, _ := s.learningFilters(); return k }

// LearningPathwayFilters are the pathways learning outputs can be listed by.
func (s *Site) LearningPathwayFilters() []*LearningFilter { _, p := s.learningFilters(); return p }

// GlossaryIndex is A to Z (then other characters when used), each letter
// with the id of its section, or no id when no term starts with it.
func (s *Site) GlossaryIndex() []*Letter {
	have := map[string]*Letter{}
	for _, l := range s.Glossary {
		have[l.Letter] = l
	}
	var out []*Letter
	for c := 'A'; c <= 'Z'; c++ {
		if l, ok := have[string(c)]; ok {
			out = append(out, l)
		} else {
			out = append(out, &Letter{Letter: string(c)})
		}
	}
	if l, ok := have["0-9 and symbols"]; ok {
		out = append(out, l)
	}
	return out
}
