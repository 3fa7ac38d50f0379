package cite

import (
	"encoding/json"

	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// cslItem is one CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
type cslItem struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Author    []cslName `json:"author,omitempty"`
	Title     string    `json:"title"`
	Issued    *cslDate  `json:"issued,omitempty"`
	Container string    `json:"container-title,omitempty"`
	Publisher string    `json:"publisher,omitempty"`
	Volume    string    `json:"volume,omitempty"`
	Issue     string    `json:"issue,omitempty"`
	Page      string    `json:"page,omitempty"`
	DOI       string    `json:"DOI,omitempty"`
	URL       string    `json:"URL,omitempty"`
}

type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

type cslDate struct {
	Parts [][]int `json:"date-parts"`
}

// CSL writes refs as a CSL-JSON list.
func CSL(refs []content.Reference) ([]byte, error) {
	items := make([]cslItem, len(refs))
	for i, key := range Keys(refs) {
		r := refs[i]
		it := cslItem{ID: key, Type: typeOf(r).CSL, Title: r.Title, Container: r.Journal, Publisher: r.Publisher,
			Volume: r.Volume, Issue: r.Issue, Page: r.Pages, DOI: r.DOI, URL: r.URL}
		if r.Kind() == registry.Chapter {
			it.Container = r.Book
		}
		if r.Year != 0 {
			it.Issued = &cslDate{Parts: [][]int{{r.Year}}}
		}
		for _, a := range r.Authors {
			if a.Person() {
				it.Author = append(it.Author, cslName{Family: a.Family, Given: a.Given})
			} else {
				it.Author = append(it.Author, cslName{Literal: a.Name})
			}
		}
		items[i] = it
	}
	return json.MarshalIndent(items, "", " ")
}
