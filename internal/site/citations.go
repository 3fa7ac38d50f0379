package site

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"artsmap/internal/content"
	"artsmap/internal/slug"
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

// citeKey is a BibTeX key: first author's surname, year and a title word.
func citeKey(r content.Reference, i int) string {
	name := "ref"
	if len(r.Authors) > 0 {
		name = strings.FieldsFunc(r.Authors[0], func(c rune) bool { return c == ',' || unicode.IsSpace(c) })[0]
	}
	key := slug.Make(name) + strconv.Itoa(r.Year)
	if w := strings.Fields(slug.Make(r.Title)); len(w) > 0 {
		key += strings.Split(w[0], "-")[0]
	}
	return strings.ReplaceAll(key, "-", "") + fmt.Sprintf("-%d", i+1)
}

// bibtex escapes a BibTeX field value.
func bibtex(s string) string {
	return strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`).Replace(s)
}

// BibTeX writes the references of a learning output for citation managers.
func (l *Learning) BibTeX() []byte {
	var b strings.Builder
	for i, r := range l.References {
		kind := "misc"
		if r.Journal != "" {
			kind = "article"
		} else if r.Publisher != "" {
			kind = "book"
		}
		fmt.Fprintf(&b, "@%s{%s,\n", kind, citeKey(r, i))
		field := func(k, v string) {
			if v != "" {
				fmt.Fprintf(&b, "  %s = {%s},\n", k, bibtex(v))
			}
		}
		authors := make([]string, len(r.Authors))
		for i, a := range r.Authors {
			authors[i] = bibAuthor(a)
		}
		if len(authors) > 0 {
			fmt.Fprintf(&b, "  author = {%s},\n", strings.Join(authors, " and "))
		}
		field("title", r.Title)
		if r.Year != 0 {
			field("year", strconv.Itoa(r.Year))
		}
		field("journal", r.Journal)
		field("publisher", r.Publisher)
		field("doi", r.DOI)
		field("url", r.URL)
		b.WriteString("}\n\n")
	}
	return []byte(b.String())
}

// RIS writes the references in the RIS format (CRLF line ends).
func (l *Learning) RIS() []byte {
	var b strings.Builder
	line := func(tag, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", tag, strings.ReplaceAll(v, "\n", " "))
		}
	}
	for _, r := range l.References {
		ty := "GEN"
		if r.Journal != "" {
			ty = "JOUR"
		} else if r.Publisher != "" {
			ty = "BOOK"
		}
		line("TY", ty)
		for _, a := range r.Authors {
			line("AU", a)
		}
		line("TI", r.Title)
		if r.Year != 0 {
			line("PY", strconv.Itoa(r.Year))
		}
		line("JO", r.Journal)
		line("PB", r.Publisher)
		line("DO", r.DOI)
		line("UR", r.URL)
		line("ER", " ")
	}
	return []byte(b.String())
}

// personName matches "Surname, Given names": anything else is a
// corporate author, which BibTeX must take whole.
var personName = regexp.MustCompile(`^[^,]+, [^,]+$`)

func bibAuthor(a string) string {
	if personName.MatchString(a) && !strings.Contains(a, " and ") {
		return bibtex(a)
	}
	return "{" + bibtex(a) + "}"
}
