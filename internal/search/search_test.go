package search

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// tokenCases are shared with the browser tokenizer's test, which runs the
// same file through static/js/directory/tokens.js.
func tokenCases(t *testing.T) []struct {
	Text   string   `json:"text"`
	Tokens []string `json:"tokens"`
} {
	t.Helper()
	data, err := os.ReadFile("testdata/tokens.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Text   string   `json:"text"`
		Tokens []string `json:"tokens"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestTokens(t *testing.T) {
	for _, c := range tokenCases(t) {
		got := Tokens(c.Text)
		if !slices.Equal(got, c.Tokens) && !(len(got) == 0 && len(c.Tokens) == 0) {
			t.Errorf("Tokens(%q) = %q, want %q", c.Text, got, c.Tokens)
		}
	}
}

func TestBuild(t *testing.T) {
	docs := []Doc{
		{Slug: "a", Texts: []Text{{"Singing group", WeightName}, {"singing for breath", WeightBody}},
			Facets: map[string][]string{"pathway": {"respiratory"}}, Reviewed: 10, Points: [][2]float64{{-2.123456, 51.5}}},
		{Slug: "b", Texts: []Text{{"Painting", WeightName}, {"group work", WeightSummary}},
			Facets: map[string][]string{"pathway": {"respiratory", "pain"}}},
		{Slug: "c", Texts: []Text{{"Singing", WeightTags}}},
	}
	facets := []Facet{{Key: "pathway", Label: "Pathway", Values: []Value{{"respiratory", "Resp"}, {"pain", "Pain"}, {"none", "None"}}}}
	ix := Build(docs, facets, []Place{{"stroud", "Stroud", -2.2, 51.7}})
	if !slices.IsSorted(ix.Text.Terms) {
		t.Errorf("terms not sorted: %v", ix.Text.Terms)
	}
	want := map[string][]int{
		"singing":  {0*16 + WeightName, 2*16 + WeightTags}, // doc 0 at its best weight, then doc 2
		"group":    {0*16 + WeightName, 1*16 + WeightSummary},
		"painting": {1*16 + WeightName},
	}
	for term, postings := range want {
		i, ok := slices.BinarySearch(ix.Text.Terms, term)
		if !ok || !slices.Equal(ix.Text.Postings[i], postings) {
			t.Errorf("postings of %q = %v, want %v", term, ix.Text.Postings[i], postings)
		}
	}
	vals := ix.Facets.Facets[0].Values
	if !slices.Equal(vals[0].Docs, []int{0, 1}) || !slices.Equal(vals[1].Docs, []int{1}) || len(vals[2].Docs) != 0 {
		t.Errorf("facet docs = %+v", vals)
	}
	if ix.Text.Points[0][0] != -2.1235 || len(ix.Text.Points[1]) != 0 {
		t.Errorf("points = %v", ix.Text.Points)
	}
	if _, _, err := ix.JSON(); err != nil {
		t.Fatal(err)
	}
}

func TestEmptyIndexJSON(t *testing.T) {
	facets, text, err := Build(nil, nil, nil).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var f, x map[string]any
	if json.Unmarshal(facets, &f) != nil || json.Unmarshal(text, &x) != nil || f["slugs"] == nil || x["terms"] == nil {
		t.Errorf("empty index = %s %s: lists must be [] not null for the browser", facets, text)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Parkinson's", "Côr Anadl", "GL5 1AA", "\xff\xfe", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokens(s) {
			if len(tok) < 2 || stop[tok] {
				t.Fatalf("bad token %q from %q", tok, s)
			}
			for _, r := range tok {
				if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
					t.Fatalf("token %q from %q has %q", tok, s, r)
				}
			}
		}
	})
}
