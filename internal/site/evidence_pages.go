package site

import (
	"strconv"

	"artsmap/internal/cite"
)

// EvidenceFilter is one value the library can be filtered and browsed by:
// /evidence/<key>/<id>/.
type EvidenceFilter struct {
	Key   string // pathway, artform, design or certainty: the URL parameter
	ID    string
	Label string
	URL   string
	Items []*Synopsis
}

// EvidenceFacet is a group of filters: conditions, art forms, designs or certainties.
type EvidenceFacet struct {
	Key    string
	Label  string
	Values []*EvidenceFilter // only values some synopsis has
}

// EvidenceFacets are the library's filters, in the vocabularies' and
// the content model's orders.
func (s *Site) EvidenceFacets() []*EvidenceFacet {
	facet := func(key, label string, ids, labels []string, has func(*Synopsis, string) bool) *EvidenceFacet {
		f := &EvidenceFacet{Key: key, Label: label}
		for i, id := range ids {
			v := &EvidenceFilter{Key: key, ID: id, Label: labels[i], URL: EvidencePath + key + "/" + id + "/"}
			for _, e := range s.Evidence {
				if has(e, id) {
					v.Items = append(v.Items, e)
				}
			}
			if len(v.Items) > 0 {
				f.Values = append(f.Values, v)
			}
		}
		return f
	}
	terms := func(key string) (ids, labels []string) {
		if t := s.Taxonomy(key); t != nil {
			for _, term := range t.Terms {
				ids, labels = append(ids, term.ID), append(labels, term.Label)
			}
		}
		return ids, labels
	}
	fixed := func(list []*Choice) (ids, labels []string) {
		for _, c := range list {
			ids, labels = append(ids, c.ID), append(labels, c.Label)
		}
		return ids, labels
	}
	pid, plab := terms("pathways")
	aid, alab := terms("artforms")
	did, dlab := fixed(Designs)
	cid, clab := fixed(Certainties)
	return []*EvidenceFacet{
		facet("pathway", "Condition", pid, plab, func(e *Synopsis, id string) bool { return hasTermID(e.Pathways, id) }),
		facet("artform", "Art form", aid, alab, func(e *Synopsis, id string) bool { return hasTermID(e.Artforms, id) }),
		facet("design", "Study design", did, dlab, func(e *Synopsis, id string) bool { return e.Design.ID == id }),
		facet("certainty", "Certainty", cid, clab, func(e *Synopsis, id string) bool { return e.Certainty.ID == id }),
	}
}

func hasTermID(ts []*TermPage, id string) bool {
	for _, t := range ts {
		if t.ID == id {
			return true
		}
	}
	return false
}

// EvidenceItems are the synopses the page lists.
func (p *Page) EvidenceItems() []*Synopsis {
	if p.Evidence != nil {
		return p.Evidence.Items
	}
	return p.Site.Evidence
}

// evidencePages are the library, its browse pages and each synopsis; none
// when the site has no synopses.
func (s *Site) evidencePages(home Link) []*Page {
	if len(s.Evidence) == 0 {
		return nil
	}
	lib := Link{"Evidence", EvidencePath}
	out := []*Page{{Layout: "evidence-list", Path: EvidencePath, Title: "Evidence library", Crumbs: []Link{home},
		Description: "Synopses of published studies and reviews of creative activity for health, by condition, art form, design and certainty."}}
	for _, f := range s.EvidenceFacets() {
		for _, v := range f.Values {
			n := len(v.Items)
			out = append(out, &Page{Layout: "evidence-list", Path: v.URL, Title: "Evidence: " + v.Label, Crumbs: []Link{home, lib},
				Description: strconv.Itoa(n) + " " + plural(n, "synopsis", "synopses") + " listed under " + v.Label + ".", Evidence: v})
		}
	}
	for _, e := range s.Evidence {
		out = append(out, &Page{Layout: "evidence", Path: e.URL, Title: e.Title, Description: e.Finding,
			Crumbs: []Link{home, lib}, Synopsis: e})
	}
	return out
}

// evidenceOutputs adds the library's and each synopsis's references for
// citation managers.
func (s *Site) evidenceOutputs(table map[string]output) {
	if len(s.Evidence) == 0 {
		return
	}
	exports := func(dir string, list []*Synopsis) {
		refs := references(list)
		table[dir+"references.bib"] = func() ([]byte, error) { return cite.BibTeX(refs), nil }
		table[dir+"references.ris"] = func() ([]byte, error) { return cite.RIS(refs), nil }
		table[dir+"references.json"] = func() ([]byte, error) { return cite.CSL(refs) }
	}
	exports(trim(EvidencePath), s.Evidence)
	for _, e := range s.Evidence {
		exports(trim(e.URL), []*Synopsis{e})
	}
}

// evidenceDownloads describe the library's exports on /data/.
func (s *Site) evidenceDownloads() []Download {
	if len(s.Evidence) == 0 {
		return nil
	}
	fields := []Field{{"authors", "people as family and given names; organisations as one name"},
		{"type", "article, book, chapter, report or web page, in each format's own words"},
		{"key", "the first author's family name and the year, such as fancourt2019"},
		{"title, year, journal, volume, issue, pages, publisher, doi, url", "as published, where the synopsis states them"}}
	return []Download{
		{ID: "evidence-bib", Title: "Evidence library (BibTeX)", URL: EvidencePath + "references.bib", Format: "BibTeX, UTF-8",
			Description: "The study behind every evidence synopsis, for reference managers.", Fields: fields},
		{ID: "evidence-ris", Title: "Evidence library (RIS)", URL: EvidencePath + "references.ris", Format: "RIS, UTF-8, CRLF line ends",
			Description: "The same references in RIS, which most reference managers import.", Fields: fields},
		{ID: "evidence-csl", Title: "Evidence library (CSL-JSON)", URL: EvidencePath + "references.json", Format: "CSL-JSON array",
			Description: "The same references as Citation Style Language JSON, for Zotero, Pandoc and citeproc.", Fields: fields},
	}
}
