package content

import (
	"slices"
	"strconv"

	"artsmap/internal/diag"
)

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// crossCheck applies the rules that span documents: term ids unique across
// the site, see-also links that resolve, and provider slugs that exist.
func (l *loader) crossCheck() {
	terms := l.checkTermIDs()
	for _, f := range l.site.Factsheets {
		d := l.docs[f]
		for i, t := range f.Terms {
			for _, s := range t.SeeAlso {
				if !slices.Contains(terms, s) {
					pos := d.loc().element("terms."+itoa(i)+".see_also", s)
					l.probs.Errorf(d.path, pos.Line, pos.Col, "see_also %q is not a term on any fact sheet", s).Hint =
						diag.Suggest(s, terms)
				}
			}
		}
	}
	var slugs []string
	for _, p := range l.site.Providers {
		slugs = append(slugs, p.Slug)
	}
	for _, lo := range l.site.Learning {
		d := l.docs[lo]
		for _, s := range lo.Providers {
			if !slices.Contains(slugs, s) {
				pos := d.loc().element("providers", s)
				l.probs.Errorf(d.path, pos.Line, pos.Col, "no provider %q", s).Hint = diag.Suggest(s, slugs)
			}
		}
	}
}

// checkTermIDs reports terms whose ids clash anywhere on the site and
// returns every term id.
func (l *loader) checkTermIDs() []string {
	type place struct {
		path string
		pos  Pos
	}
	first := map[string]place{}
	var ids []string
	for _, f := range l.site.Factsheets {
		d := l.docs[f]
		for i, t := range f.Terms {
			if t.ID == "" {
				continue
			}
			pos := d.at("terms." + itoa(i) + ".term")
			if p, dup := first[t.ID]; dup {
				l.probs.Errorf(d.path, pos.Line, pos.Col, "term %q has the same anchor %q as a term at %s:%d",
					t.Term, t.ID, p.path, p.pos.Line).Hint = "each term may be defined once on the whole site"
				continue
			}
			first[t.ID] = place{d.path, pos}
			ids = append(ids, t.ID)
		}
	}
	return ids
}
