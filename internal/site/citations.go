package site

import (
	"encoding/json"

	"artsmap/internal/cite"
)

// GlossaryPath is where every term is published as JSON.
const GlossaryPath = "/data/glossary.json"

// glossaryJSON lists every term with its definition (as HTML), aliases,
// related terms and address.
func (s *Site) glossaryJSON() ([]byte, error) {
	type term struct {
		ID         string   `json:"id"`
		Term       string   `json:"term"`
		Definition string   `json:"definition_html"`
		Aliases    []string `json:"aliases"`
		SeeAlso    []string `json:"see_also"`
		URL        string   `json:"url"`
		Factsheet  string   `json:"factsheet"`
	}
	out := []term{}
	for _, f := range s.Factsheets {
		for _, t := range f.Terms {
			see := []string{}
			for _, x := range t.SeeAlso {
				see = append(see, x.ID)
			}
			out = append(out, term{ID: t.ID, Term: t.Term, Definition: string(t.Definition),
				Aliases: append([]string{}, t.Aliases...), SeeAlso: see, URL: s.absURL(t.URL), Factsheet: f.Slug})
		}
	}
	return json.MarshalIndent(out, "", " ")
}

// BibTeX writes the references of a learning output for citation managers.
func (l *Learning) BibTeX() []byte { return cite.BibTeX(l.References) }

// RIS writes the references in the RIS format (CRLF line ends).
func (l *Learning) RIS() []byte { return cite.RIS(l.References) }

// CSL writes the references as CSL-JSON.
func (l *Learning) CSL() ([]byte, error) { return cite.CSL(l.References) }
