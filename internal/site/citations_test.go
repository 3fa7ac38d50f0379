package site

import (
	"strings"
	"testing"

	"artsmap/internal/content"
)

func TestCitations(t *testing.T) {
	l := &Learning{References: []content.Reference{
		{Authors: []string{"Bungay, H.", "Clift, S."}, Title: "Arts on prescription: a review", Year: 2010, Journal: "Perspectives in Public Health", DOI: "10.1177/1757913910384050"},
		{Authors: []string{"All-Party Parliamentary Group on Arts, Health and Wellbeing"}, Title: "Creative Health & {more} 100%", Year: 2017, Publisher: "APPG"},
	}}
	bib := string(l.BibTeX())
	for _, want := range []string{
		"@article{bungay2010arts-1,",
		"author = {Bungay, H. and Clift, S.},",
		"doi = {10.1177/1757913910384050},",
		"@book{allparty2017creative-2,",
		"author = {{All-Party Parliamentary Group on Arts, Health and Wellbeing}},",
		`title = {Creative Health \& \{more\} 100\%},`,
	} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, bib)
		}
	}
	ris := string(l.RIS())
	for _, want := range []string{"TY  - JOUR\r\nAU  - Bungay, H.\r\nAU  - Clift, S.\r\nTI  - Arts on prescription: a review\r\nPY  - 2010\r\n", "DO  - 10.1177/1757913910384050\r\n", "TY  - BOOK\r\n", "ER  -  \r\n"} {
		if !strings.Contains(ris, want) {
			t.Errorf("RIS lacks %q:\n%s", want, ris)
		}
	}
	if strings.Count(ris, "ER  - ") != 2 {
		t.Errorf("RIS has %d records, want 2", strings.Count(ris, "ER  - "))
	}
}
