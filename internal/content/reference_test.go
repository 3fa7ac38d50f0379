package content

import (
	"testing"
	"testing/fstest"
)

func TestAuthorFromText(t *testing.T) {
	for _, c := range []struct{ in, family, given, name string }{
		{"Daisy Fancourt", "Fancourt", "Daisy", ""},
		{"Fancourt, Daisy", "Fancourt", "Daisy", ""},
		{"Bungay, H.", "Bungay", "H.", ""},
		{"Ludwig van Beethoven", "van Beethoven", "Ludwig", ""},
		{"Mary  de la Cruz", "de la Cruz", "Mary", ""},
		{"World Health Organization", "", "", "World Health Organization"},
		{"All-Party Parliamentary Group on Arts, Health and Wellbeing", "", "", "All-Party Parliamentary Group on Arts, Health and Wellbeing"},
		{"Department of Health, UK", "", "", "Department of Health, UK"},
		{"Public Health England", "", "", "Public Health England"},
		{"Arts Council England", "", "", "Arts Council England"},
		{"Madonna", "", "", "Madonna"},
	} {
		a := AuthorFromText(c.in)
		if a.Family != c.family || a.Given != c.given || a.Name != c.name {
			t.Errorf("AuthorFromText(%q) = family %q given %q name %q, want %q %q %q", c.in, a.Family, a.Given, a.Name, c.family, c.given, c.name)
		}
	}
}

func TestReferenceKind(t *testing.T) {
	for _, c := range []struct {
		r    Reference
		want string
	}{
		{Reference{Type: "report", Journal: "J"}, "report"},
		{Reference{Journal: "J", Publisher: "P"}, "article"},
		{Reference{Publisher: "P"}, "book"},
		{Reference{URL: "https://example.org"}, "webpage"},
	} {
		if got := c.r.Kind(); got != c.want {
			t.Errorf("%+v.Kind() = %q, want %q", c.r, got, c.want)
		}
	}
}

// refNote is a learning note with references; line numbers refer to it.
const refNote = `+++
title = "Note"
kind = "learning-note"
date = 2026-01-01

[[references]]
type = "article"
authors = [{ family = "Fancourt", given = "Daisy" }, { name = "World Health Organization" }]
title = "What is the evidence?"
year = 2019
doi = "10.1000/xyz"
+++
`

func TestReferenceRules(t *testing.T) {
	const p = notePath
	set := put(p, refNote)
	with := func(old, new string) func(fstest.MapFS) { return all(set, edit(p, old, new)) }
	runRules(t, []rule{
		{"valid references", set, nil, ""},
		{"unknown type", with(`type = "article"`, `type = "journal"`),
			[]prob{e(p, 7, 8, `type "journal" is not allowed`, "article")}, ""},
		{"author table with neither family nor name", with(`{ name = "World Health Organization" }`, `{ given = "Daisy" }`),
			[]prob{e(p, 8, 54, "author 2 has neither a family name nor a name", "family")}, ""},
		{"misspelt author key", with(`{ name = "World`, `{ nmae = "World`),
			[]prob{
				e(p, 8, 54, "author 2 has neither a family name nor a name", "family"),
				e(p, 8, 56, `unknown setting "nmae" in an author`, `did you mean "name"?`),
			}, ""},
		{"author as text warns and is split", with(`{ family = "Fancourt", given = "Daisy" }`, `"Daisy Fancourt"`),
			[]prob{w(p, 8, 12, `author "Daisy Fancourt" is written as text`, `{ family = "Fancourt", given = "Daisy" }`)}, ""},
		{"second text author", with(`authors = [{ family = "Fancourt", given = "Daisy" }, { name = "World Health Organization" }]`, "authors = [\n  \"Fancourt, D.\",\n  \"Arts Council England\",\n]"),
			[]prob{
				w(p, 9, 3, `author "Fancourt, D." is written as text`, `{ family = "Fancourt", given = "D." }`),
				w(p, 10, 3, `author "Arts Council England" is written as text`, `{ name = "Arts Council England" }`),
			}, ""},
		{"authors as tables of their own", all(set,
			edit(p, "authors = [{ family = \"Fancourt\", given = \"Daisy\" }, { name = \"World Health Organization\" }]\n", ""),
			edit(p, `doi = "10.1000/xyz"`, "doi = \"10.1000/xyz\"\n[[references.authors]]\nfamily = \"Fancourt\"\n[[references.authors]]\ngiven = \"D\"")),
			[]prob{e(p, 13, 1, "author 2 has neither a family name nor a name", "family")}, ""},
		{"DOI with its address", with(`doi = "10.1000/xyz"`, `doi = "https://doi.org/10.1000/xyz"`),
			[]prob{e(p, 11, 7, `"https://doi.org/10.1000/xyz" is not a DOI`, "10.1234/abcd")}, ""},
	})
}
