package site

import (
	"fmt"
	"html/template"
	"strings"

	"golang.org/x/net/html"

	"artsmap/internal/content"
	"artsmap/internal/registry"
)

// htmlText is the text of rendered HTML, the one way the site turns HTML
// into text (glossary tooltips, the search index, JSON-LD definitions,
// feed and calendar descriptions): the HTML tokenizer decodes every
// entity, block elements and line breaks separate words, inline elements
// do not, and runs of space become one.
//
// No HTML gives no text without a tokenizer (each takes 4 KB): the Open
// Referral export asks for the joining text of every programme, and one
// that says nothing about joining (all of them in the synthetic sites)
// cost 1.3 GB of allocation at 50,000 providers.
func htmlText(h template.HTML) string {
	if h == "" {
		return ""
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(string(h)))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tt {
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			if name, _ := z.TagName(); blockTags[string(name)] {
				b.WriteByte(' ')
			}
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// blockTags are the elements whose edges separate words.
var blockTags = map[string]bool{"p": true, "br": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true,
	"dd": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "td": true, "th": true, "hr": true, "figure": true, "figcaption": true}

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
	para(&b, strings.TrimSpace(registry.LearningKindChoices().Label(l.Kind)+", "+l.Date.Format("2 January 2006")+". "+strings.Join(l.Authors, ", ")))
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
