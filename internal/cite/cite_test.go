package cite

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"artsmap/internal/content"
	"artsmap/internal/testenv"
)

// refs covers every type, a corporate author with a comma, a name with a
// particle, characters BibTeX treats specially and two keys that clash.
var refs = []content.Reference{
	{Type: "article", Authors: []content.Author{{Family: "Fancourt", Given: "Daisy"}, {Family: "Finn", Given: "Saoirse"}},
		Title: "What is the evidence on the role of the arts in improving health and well-being?", Year: 2019,
		Journal: "Health Evidence Network Synthesis Report", Volume: "67", Pages: "1-133", DOI: "10.1000/abc"},
	{Type: "report", Authors: []content.Author{{Name: "All-Party Parliamentary Group on Arts, Health and Wellbeing"}},
		Title: "Creative Health & {more} 100%", Year: 2017, Publisher: "APPG"},
	{Type: "book", Authors: []content.Author{{Family: "van Beethoven", Given: "Ludwig"}}, Title: "A book", Year: 2019, Publisher: "P"},
	{Type: "chapter", Authors: []content.Author{{Family: "Fancourt", Given: "D."}}, Title: "A chapter", Year: 2019, Book: "The book", Publisher: "OUP"},
	{Type: "webpage", Authors: []content.Author{{Name: "World Health Organization"}}, Title: "A page", URL: "https://www.who.int/x"},
}

func TestKeys(t *testing.T) {
	got := Keys(refs)
	want := []string{"fancourt2019a", "allparty2017", "vanbeethoven2019", "fancourt2019b", "worldnd"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Keys = %q, want %q", got, want)
	}
	if k := Keys([]content.Reference{{Authors: []content.Author{{Family: "Müller", Given: "Jörg"}}, Year: 2020}}); k[0] != "muller2020" {
		t.Errorf("key of Müller = %q", k[0])
	}
}

func TestBibTeXAndRIS(t *testing.T) {
	bib := string(BibTeX(refs))
	for _, want := range []string{
		"@article{fancourt2019a,\n  author = {{Fancourt}, Daisy and {Finn}, Saoirse},",
		"  pages = {1--133},",
		"@techreport{allparty2017,\n  author = {{All-Party Parliamentary Group on Arts, Health and Wellbeing}},",
		`title = {Creative Health \& \{more\} 100\%},`,
		"  institution = {APPG},",
		"@incollection{fancourt2019b,",
		"  booktitle = {The book},",
		"@misc{worldnd,\n  author = {{World Health Organization}},",
	} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, bib)
		}
	}
	ris := string(RIS(refs))
	for _, want := range []string{
		"TY  - JOUR\r\nID  - fancourt2019a\r\nAU  - Fancourt, Daisy\r\nAU  - Finn, Saoirse\r\n",
		"SP  - 1\r\nEP  - 133\r\n",
		"TY  - RPRT\r\nID  - allparty2017\r\nAU  - All-Party Parliamentary Group on Arts Health and Wellbeing\r\n",
		"TY  - BOOK\r\n", "TY  - CHAP\r\n", "TY  - ELEC\r\n", "ER  - \r\n",
	} {
		if !strings.Contains(ris, want) {
			t.Errorf("RIS lacks %q:\n%s", want, ris)
		}
	}
}

// parsed is what citation-js reads back from an export.
type parsed struct {
	Key       string              `json:"key"`
	Type      string              `json:"type"`
	Authors   []map[string]string `json:"authors"`
	Title     string              `json:"title"`
	Year      int                 `json:"year"`
	Container string              `json:"container"`
	DOI       string              `json:"doi"`
}

// TestRealParsers reads each export back with citation-js, the parser
// behind many reference managers, and checks names, types and keys.
func TestRealParsers(t *testing.T) {
	node, err := exec.LookPath("node")
	root, _ := filepath.Abs("../..")
	if _, serr := os.Stat(filepath.Join(root, "node_modules/@citation-js/plugin-ris")); err != nil || serr != nil {
		testenv.Missing(t, "node and citation-js are needed (run npm ci): %v %v", err, serr)
	}
	csl, err := CSL(refs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{"refs.bib": BibTeX(refs), "refs.ris": RIS(refs), "refs.json": csl}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(node, "testdata/parse.mjs", p).Output()
			if err != nil {
				t.Fatalf("citation-js could not read %s: %v\n%s", name, err, data)
			}
			var got []parsed
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			checkParsed(t, got, name)
		})
	}
}

// checkParsed compares what citation-js read from file with refs. BibTeX
// has no web page type (@misc reads as "document") and writes an
// organisation as one family name in braces; RIS cannot hold a comma in an
// organisation's name.
func checkParsed(t *testing.T, got []parsed, file string) {
	t.Helper()
	wantTypes := []string{"article-journal", "report", "book", "chapter", "webpage"}
	if file == "refs.bib" {
		wantTypes[4] = "document"
	}
	if len(got) != len(refs) {
		t.Fatalf("read %d references, want %d: %+v", len(got), len(refs), got)
	}
	keys := Keys(refs)
	for i, g := range got {
		if g.Type != wantTypes[i] {
			t.Errorf("reference %d: type %q, want %q", i+1, g.Type, wantTypes[i])
		}
		if g.Key != keys[i] {
			t.Errorf("reference %d: key %q, want %q", i+1, g.Key, keys[i])
		}
		if g.Title != refs[i].Title || g.Year != refs[i].Year || g.DOI != refs[i].DOI {
			t.Errorf("reference %d: title %q year %d DOI %q, want %q %d %q", i+1, g.Title, g.Year, g.DOI, refs[i].Title, refs[i].Year, refs[i].DOI)
		}
		var want []map[string]string
		for _, a := range refs[i].Authors {
			if a.Person() {
				want = append(want, map[string]string{"family": a.Family, "given": a.Given})
			} else if file == "refs.bib" {
				want = append(want, map[string]string{"family": a.Name, "given": ""})
			} else if file == "refs.ris" {
				want = append(want, map[string]string{"literal": strings.ReplaceAll(a.Name, ",", "")})
			} else {
				want = append(want, map[string]string{"literal": a.Name})
			}
		}
		if !reflect.DeepEqual(g.Authors, want) {
			t.Errorf("reference %d: authors %v, want %v", i+1, g.Authors, want)
		}
	}
}
