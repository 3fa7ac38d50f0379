package cite

import (
	"fmt"
	"strconv"
	"strings"

	"artsmap/internal/content"
	"artsmap/internal/registry"
)

var bibEscape = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`,
	"$", `\$`, "#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)

// bib escapes a BibTeX field value.
func bib(s string) string { return bibEscape.Replace(strings.Join(strings.Fields(s), " ")) }

// BibTeX writes refs as BibTeX entries.
func BibTeX(refs []content.Reference) []byte {
	var b strings.Builder
	for i, key := range Keys(refs) {
		r := refs[i]
		fmt.Fprintf(&b, "@%s{%s,\n", typeOf(r).BibTeX, key)
		field := func(k, v string) {
			if v != "" {
				fmt.Fprintf(&b, "  %s = {%s},\n", k, bib(v))
			}
		}
		if len(r.Authors) > 0 {
			names := make([]string, len(r.Authors))
			for j, a := range r.Authors {
				names[j] = bibName(a)
			}
			fmt.Fprintf(&b, "  author = {%s},\n", strings.Join(names, " and "))
		}
		field("title", r.Title)
		if r.Year != 0 {
			field("year", strconv.Itoa(r.Year))
		}
		bibContainer(r, field)
		field("volume", r.Volume)
		field("number", r.Issue)
		field("pages", strings.ReplaceAll(strings.ReplaceAll(r.Pages, "–", "-"), "-", "--"))
		field("doi", r.DOI)
		field("url", r.URL)
		b.WriteString("}\n\n")
	}
	return []byte(b.String())
}

// bibContainer writes where the work was published, in the field its type takes.
func bibContainer(r content.Reference, field func(k, v string)) {
	switch r.Kind() {
	case registry.Article:
		field("journal", r.Journal)
		field("publisher", r.Publisher)
	case registry.Report:
		field("institution", r.Publisher)
		field("journal", r.Journal)
	case registry.Chapter:
		field("booktitle", r.Book)
		field("publisher", r.Publisher)
	case registry.Book:
		field("publisher", r.Publisher)
	default:
		field("journal", r.Journal)
		field("publisher", r.Publisher)
	}
}

// bibName writes a person as "{Family}, Given" and an organisation in
// braces, so that BibTeX takes it as one name.
func bibName(a content.Author) string {
	if !a.Person() {
		return "{" + bib(a.Name) + "}"
	}
	if a.Given == "" {
		return "{" + bib(a.Family) + "}"
	}
	return "{" + bib(a.Family) + "}, " + bib(a.Given)
}
