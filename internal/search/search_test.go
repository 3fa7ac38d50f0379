package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
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
	if !slices.IsSorted(ix.Terms) {
		t.Errorf("terms not sorted: %v", ix.Terms)
	}
	want := map[string][]int{
		"singing":  {0*16 + WeightName, 2*16 + WeightTags}, // doc 0 at its best weight, then doc 2
		"group":    {0*16 + WeightName, 1*16 + WeightSummary},
		"painting": {1*16 + WeightName},
	}
	for term, postings := range want {
		i, ok := slices.BinarySearch(ix.Terms, term)
		if !ok || !slices.Equal(ix.Postings[i], postings) {
			t.Errorf("postings of %q = %v, want %v", term, ix.Postings[i], postings)
		}
	}
	vals := ix.Facets[0].Values
	if !slices.Equal(vals[0].Docs, []int{0, 1}) || !slices.Equal(vals[1].Docs, []int{1}) || len(vals[2].Docs)+len(vals[2].Runs) != 0 {
		t.Errorf("facet docs = %+v", vals)
	}
	if ix.Points[0][0] != -2.1235 || len(ix.Points[1]) != 0 {
		t.Errorf("points = %v", ix.Points)
	}
	if _, err := ix.Files(); err != nil {
		t.Fatal(err)
	}
}

// TestRuns: documents are written as runs only when that is shorter, and
// the runs give back the documents.
func TestRuns(t *testing.T) {
	for _, docs := range [][]int{{}, {0}, {3}, {0, 1, 2}, {1, 2, 5, 6, 7, 9}, {0, 2, 4}} {
		runs := runsOf(docs)
		var back []int
		d := 0
		for i := 0; i+1 < len(runs); i += 2 {
			d += runs[i]
			for end := d + runs[i+1]; d < end; d++ {
				back = append(back, d)
			}
		}
		if !slices.Equal(back, docs) && len(docs) > 0 {
			t.Errorf("runsOf(%v) = %v, which gives back %v", docs, runs, back)
		}
	}
}

// TestFiles: the entry names every chunk by its first term, in order; the
// chunks hold every term once, with its postings; each word list holds the
// terms of its group; and a term is in the chunk the entry points to.
func TestFiles(t *testing.T) {
	var docs []Doc
	for i := range 3000 {
		docs = append(docs, Doc{Slug: fmt.Sprint("p", i), Texts: []Text{{fmt.Sprintf("word%d singing b%da", i, i%97), WeightName}}})
	}
	ix := Build(docs, nil, nil)
	files, err := ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	var entry entryJSON
	if err := json.Unmarshal(files[EntryName], &entry); err != nil {
		t.Fatal(err)
	}
	if len(entry.Chunks) < 2 || !slices.IsSorted(entry.Chunks) {
		t.Fatalf("chunks %d, sorted %v: want several, in order", len(entry.Chunks), slices.IsSorted(entry.Chunks))
	}
	var all []string
	for i, first := range entry.Chunks {
		var c chunkJSON
		if err := json.Unmarshal(files[ChunkName(i)], &c); err != nil {
			t.Fatal(err)
		}
		if c.Terms[0] != first || len(c.Terms) != len(c.Postings) {
			t.Errorf("chunk %d starts with %q, entry says %q; %d terms, %d postings", i, c.Terms[0], first, len(c.Terms), len(c.Postings))
		}
		all = append(all, c.Terms...)
	}
	if !slices.Equal(all, ix.Terms) {
		t.Errorf("the chunks hold %d terms, the index %d", len(all), len(ix.Terms))
	}
	words := 0
	for _, g := range entry.Words.Groups {
		for _, w := range strings.Split(string(files[WordsName(g[0], g[1])]), "\n") {
			if WordGroup(w) != g {
				t.Errorf("%q is in word group %v, want %v", w, g, WordGroup(w))
			}
			words++
		}
	}
	if short := len(slices.DeleteFunc(slices.Clone(ix.Terms), func(s string) bool { return len(s) >= minTypoLength-1 })); words+short != len(ix.Terms) {
		t.Errorf("the word lists hold %d terms and %d are too short for typos, of %d", words, short, len(ix.Terms))
	}
}

func TestEmptyIndexFiles(t *testing.T) {
	files, err := Build(nil, nil, nil).Files()
	if err != nil {
		t.Fatal(err)
	}
	var f, x map[string]any
	if json.Unmarshal(files[FacetsName], &f) != nil || json.Unmarshal(files[EntryName], &x) != nil || f["slugs"] == nil || x["chunks"] == nil {
		t.Errorf("empty index = %s %s: lists must be [] not null for the browser", files[FacetsName], files[EntryName])
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

// tokensByDecomposition is Tokens as it was before ASCII text skipped
// the decomposition: every text decomposed, then read rune by rune.
func tokensByDecomposition(text string) []string {
	var t tokens
	for _, r := range norm.NFKD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			t.b.WriteRune(unicode.ToLower(r))
		default:
			t.end()
		}
	}
	t.end()
	return t.out
}

// FuzzTokensAsDecomposed: Tokens gives what decomposing every text first
// gives, ASCII or not.
func FuzzTokensAsDecomposed(f *testing.F) {
	for _, s := range []string{"Parkinson's Choir, GL5 1AA", "Côr Anadl", "ǅemal", "ﬁddle", "A1 b2 ZZ top", "\x7f\x00x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Tokens(s), tokensByDecomposition(s); !slices.Equal(got, want) {
			t.Fatalf("Tokens(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestWords: each word once, in term order, with the highest weight of
// the texts it is in (at most 15); written and read back the same.
func TestWords(t *testing.T) {
	words := Words([]Text{{"Singing for the Brain", 10}, {"singing groups in Stroud", 3}, {"brain", 40}})
	want := []Word{{"brain", 15}, {"groups", 3}, {"singing", 10}, {"stroud", 3}}
	if !slices.Equal(words, want) {
		t.Fatalf("Words = %v, want %v", words, want)
	}
	b := AppendWords(nil, words)
	if string(b) != "fbrain\n3groups\nasinging\n3stroud\n" {
		t.Errorf("AppendWords = %q", b)
	}
	if got, ok := ParseWords(b); !ok || !slices.Equal(got, words) {
		t.Errorf("ParseWords = %v, %v", got, ok)
	}
	if got, ok := ParseWords(nil); !ok || got == nil || len(got) != 0 {
		t.Errorf("ParseWords(nil) = %#v, %v; want an empty list, not nil (nil means not worked out)", got, ok)
	}
	for _, bad := range []string{"fbrain", "0brain\n", "fBrain\n", "f\n", "xbrain\n", "\n", "fbr ain\n"} {
		if got, ok := ParseWords([]byte(bad)); ok {
			t.Errorf("ParseWords(%q) = %v, want refused", bad, got)
		}
	}
}

// FuzzParseWords: whatever ParseWords accepts, AppendWords writes back
// byte for byte.
func FuzzParseWords(f *testing.F) {
	f.Add([]byte("fbrain\n3groups\n"))
	f.Add([]byte("0x\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if words, ok := ParseWords(b); ok && !bytes.Equal(AppendWords(nil, words), b) {
			t.Fatalf("ParseWords(%q) = %v, written back differently", b, words)
		}
	})
}

// TestBuildTakesWordsWorkedOut: an index of documents given their words
// is the index of the same documents given their texts.
func TestBuildTakesWordsWorkedOut(t *testing.T) {
	texts := []Doc{{Slug: "a", Texts: []Text{{"Singing for the Brain", 10}}}, {Slug: "b", Texts: []Text{{"Brain gym", 3}}}}
	words := slices.Clone(texts)
	for i := range words {
		words[i].Words, words[i].Texts = Words(words[i].Texts), []Text{{"ignored when words are given", 1}}
	}
	a, err1 := Build(texts, nil, nil).Files()
	b, err2 := Build(words, nil, nil).Files()
	if err1 != nil || err2 != nil || !reflect.DeepEqual(a, b) {
		t.Errorf("the index from words differs from the index from texts (%v, %v)", err1, err2)
	}
}
