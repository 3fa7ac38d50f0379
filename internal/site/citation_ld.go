package site

import (
	"strconv"
	"strings"

	"artsmap/internal/cite"
	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// ldCitation is a cited work in JSON-LD.
type ldCitation struct {
	Type          string     `json:"@type"`
	Name          string     `json:"name"`
	Author        []ldPerson `json:"author,omitempty"`
	DatePublished string     `json:"datePublished,omitempty"`
	IsPartOf      *ldAgentNm `json:"isPartOf,omitempty"`
	Publisher     *ldAgentNm `json:"publisher,omitempty"`
	URL           string     `json:"url,omitempty"`
	SameAs        string     `json:"sameAs,omitempty"`
}

// ldPerson is an author: a Person with family and given names, or an Organization.
type ldPerson struct {
	Type       string `json:"@type"`
	Name       string `json:"name"`
	FamilyName string `json:"familyName,omitempty"`
	GivenName  string `json:"givenName,omitempty"`
}

// citationLD describes a reference for JSON-LD.
func citationLD(r content.Reference) ldCitation {
	t, _ := registry.ReferenceTypeOf(r.Kind())
	c := ldCitation{Type: t.Schema, Name: r.Title, URL: webURL(r.URL), SameAs: webURL(cite.DOIURL(r.DOI))}
	if c.URL == "" {
		c.URL, c.SameAs = c.SameAs, ""
	}
	if r.Year != 0 {
		c.DatePublished = strconv.Itoa(r.Year)
	}
	switch {
	case r.Kind() == registry.Article && r.Journal != "":
		c.IsPartOf = &ldAgentNm{Type: "Periodical", Name: r.Journal}
	case r.Kind() == registry.Chapter && r.Book != "":
		c.IsPartOf = &ldAgentNm{Type: "Book", Name: r.Book}
	}
	if r.Publisher != "" {
		c.Publisher = &ldAgentNm{Type: "Organization", Name: r.Publisher}
	}
	for _, a := range r.Authors {
		if a.Person() {
			c.Author = append(c.Author, ldPerson{Type: "Person", Name: strings.TrimSpace(a.Given + " " + a.Family), FamilyName: a.Family, GivenName: a.Given})
		} else {
			c.Author = append(c.Author, ldPerson{Type: "Organization", Name: a.Name})
		}
	}
	return c
}

// citationsLD describes every reference.
func citationsLD(refs []content.Reference) []ldCitation {
	var out []ldCitation
	for _, r := range refs {
		out = append(out, citationLD(r))
	}
	return out
}

// ldSynopsis is an evidence synopsis in JSON-LD: a Report by the site about
// one study, which it cites.
type ldSynopsis struct {
	Context      string       `json:"@context"`
	Type         string       `json:"@type"`
	Headline     string       `json:"headline"`
	Name         string       `json:"name"`
	Abstract     string       `json:"abstract,omitempty"`
	URL          string       `json:"url"`
	DateModified string       `json:"dateModified,omitempty"`
	Publisher    *ldAgentNm   `json:"publisher,omitempty"`
	Keywords     []string     `json:"keywords,omitempty"`
	InLanguage   string       `json:"inLanguage,omitempty"`
	Citation     []ldCitation `json:"citation"`
}

func (s *Site) synopsisLD(e *Synopsis) *ldSynopsis {
	return &ldSynopsis{Context: schemaContext, Type: "Report", Headline: e.Title, Name: e.Title, Abstract: e.Finding,
		URL: s.absURL(e.URL), DateModified: dateOrEmpty(e.Reviewed), Publisher: &ldAgentNm{Type: "Organization", Name: s.Title},
		Keywords:   append(append(labels(e.Pathways), labels(e.Artforms)...), e.Design.Label, e.Certainty.Label),
		InLanguage: s.Language, Citation: []ldCitation{citationLD(e.Reference)}}
}
