package content

import (
	"artsmap/internal/diag"
	"artsmap/internal/registry"
)

// checkReference checks one reference at the key path at ("references.0"
// or "reference"). An evidence synopsis's reference must state its type.
func (l *loader) checkReference(d *decoded, at string, r *Reference, typeRequired bool) {
	l.oneOf(d, at+".type", r.Type, registry.ReferenceTypes.IDs(), typeRequired)
	l.required(d, at+".title", r.Title)
	l.webURL(d, at+".url", r.URL)
	if r.DOI != "" && !doiPattern.MatchString(r.DOI) {
		l.errAt(d, at+".doi", "%q is not a DOI", r.DOI).Hint = "a DOI looks like 10.1234/abcd, without https://doi.org/"
	}
	if r.Year != 0 && (r.Year < 1500 || r.Year > l.opts.Now.Year()+1) {
		l.errAt(d, at+".year", "year %d is not plausible", r.Year)
	}
	if r.Kind() == registry.Chapter && r.Book == "" {
		l.warnAt(d, at+".type", "a chapter should name its book").Hint = `add book = "..." with the book's title`
	}
	for i := range r.Authors {
		l.checkAuthor(d, at+".authors", i, r.Authors[i])
	}
}

// checkAuthor checks the i-th author of the list at path.
func (l *loader) checkAuthor(d *decoded, path string, i int, a Author) {
	pos := d.loc().nthItem(path, i)
	if a.Text != "" {
		p := l.probs.Warnf(d.path, pos.Line, pos.Col, "author %q is written as text", a.Text)
		p.Hint = "write " + authorTable(a) + " so that citation managers get the name right"
		return
	}
	for _, k := range a.Unknown {
		kp := d.loc().inlineAt(pos, k)
		l.probs.Errorf(d.path, kp.Line, kp.Col, "unknown setting %q in an author", k).Hint =
			diag.Suggest(k, []string{"family", "given", "name"})
	}
	for _, k := range a.Wrong {
		kp := d.loc().inlineAt(pos, k)
		l.probs.Errorf(d.path, kp.Line, kp.Col, "%q should be text in quotes", k)
	}
	switch {
	case a.Family == "" && a.Name == "":
		l.probs.Errorf(d.path, pos.Line, pos.Col, "author %d has neither a family name nor a name", i+1).Hint =
			`write { family = "Fancourt", given = "Daisy" } for a person or { name = "World Health Organization" } for an organisation`
	case a.Family != "" && a.Name != "":
		l.probs.Errorf(d.path, pos.Line, pos.Col, "author %d has both a family name and a name", i+1).Hint =
			"use family and given for a person, or name alone for an organisation"
	case a.Name != "" && a.Given != "":
		l.probs.Errorf(d.path, pos.Line, pos.Col, "author %d has a given name but no family name", i+1).Hint =
			"use family and given for a person, or name alone for an organisation"
	}
}

// authorTable writes the table form of an author read from text.
func authorTable(a Author) string {
	if a.Family == "" {
		return `{ name = "` + a.Name + `" }`
	}
	if a.Given == "" {
		return `{ family = "` + a.Family + `" }`
	}
	return `{ family = "` + a.Family + `", given = "` + a.Given + `" }`
}
