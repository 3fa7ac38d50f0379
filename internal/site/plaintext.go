package site

import (
	"fmt"
	"strings"

	"artsmap/internal/content"
)

// wordsPerMinute is a common reading speed for plain English.
const wordsPerMinute = 200

// PlainTextName is the file, beside a fact sheet's or learning output's
// page, that holds its plain-text version.
const PlainTextName = "plain.txt"

// readingMinutes rounds the reading time of text up to whole minutes.
func readingMinutes(text string) int {
	return max(1, (len(strings.Fields(text))+wordsPerMinute-1)/wordsPerMinute)
}

// factsheetText is a fact sheet as plain text, and its reading time.
func factsheetText(f *content.Factsheet) (string, int) {
	var b strings.Builder
	heading(&b, f.Title)
	para(&b, f.Summary)
	if !f.Updated.IsZero() {
		para(&b, "Updated "+f.Updated.Format("2 January 2006")+".")
	}
	para(&b, strings.TrimSpace(string(f.Body)))
	for _, t := range f.Terms {
		fmt.Fprintf(&b, "%s\n    %s\n", t.Term, t.Definition)
		if len(t.Aliases) > 0 {
			fmt.Fprintf(&b, "    Also called: %s.\n", strings.Join(t.Aliases, ", "))
		}
		b.WriteString("\n")
	}
	return b.String(), readingMinutes(b.String())
}

// learningText is a learning output as plain text, and its reading time.
func learningText(l *content.Learning) (string, int) {
	var b strings.Builder
	heading(&b, l.Title)
	para(&b, strings.TrimSpace(LearningKinds[l.Kind]+", "+l.Date.Format("2 January 2006")+". "+strings.Join(l.Authors, ", ")))
	para(&b, l.Summary)
	para(&b, strings.TrimSpace(string(l.Body)))
	for _, o := range l.Options {
		fmt.Fprintf(&b, "%s\n    %s\n", o.Name, o.Summary)
		for _, p := range o.Pros {
			fmt.Fprintf(&b, "    + %s\n", p)
		}
		for _, c := range o.Cons {
			fmt.Fprintf(&b, "    - %s\n", c)
		}
		b.WriteString("\n")
	}
	if len(l.References) > 0 {
		heading(&b, "References")
		for i, r := range l.References {
			fmt.Fprintf(&b, "%d. %s (%d). %s. %s%s\n", i+1, content.AuthorList(r.Authors), r.Year, r.Title,
				strings.TrimSpace(r.Journal+" "+r.Publisher), doiText(r.DOI))
		}
	}
	return b.String(), readingMinutes(b.String())
}

func doiText(doi string) string {
	if doi == "" {
		return ""
	}
	return " https://doi.org/" + doi
}

func heading(b *strings.Builder, s string) {
	fmt.Fprintf(b, "%s\n%s\n\n", s, strings.Repeat("=", len([]rune(s))))
}

func para(b *strings.Builder, s string) {
	if s != "" {
		b.WriteString(s + "\n\n")
	}
}
