package site

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"artsmap/internal/testenv"
)

// synopsisLinks lists the synopses a page's list or cards link to, in order.
func synopsisLinks(page []byte) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<h3 class="card-title"[^>]*><a href="/evidence/([a-z0-9-]+)/">`).FindAllSubmatch(page, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// TestEvidenceLibrary builds the evidence test site and checks the
// library, its browse pages, the synopsis, pathway and provider pages, and
// what the sitemap, /data/ and JSON-LD say.
func TestEvidenceLibrary(t *testing.T) {
	out, res := build(t, txtarSite(t, "evidence"))
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	tree := readTree(t, out)
	lists := []struct {
		page string
		want []string
	}{
		{"evidence/index.html", []string{"singing-lungs-review", "singing-trial", "dance-mood-review", "breath-voices", "creative-health-review"}},
		{"evidence/pathway/respiratory/index.html", []string{"singing-lungs-review", "singing-trial", "breath-voices", "creative-health-review"}},
		{"evidence/design/systematic-review/index.html", []string{"singing-lungs-review", "dance-mood-review", "creative-health-review"}},
		{"evidence/artform/dance/index.html", []string{"dance-mood-review"}},
		{"evidence/certainty/very-low/index.html", []string{"creative-health-review"}},
		{"pathways/respiratory/index.html", []string{"singing-lungs-review", "singing-trial", "breath-voices", "creative-health-review"}},
		{"pathways/mental-health/index.html", []string{"dance-mood-review", "creative-health-review"}},
	}
	for _, l := range lists {
		if got := synopsisLinks(tree[l.page]); !slices.Equal(got, l.want) {
			t.Errorf("%s lists %v, want %v", l.page, got, l.want)
		}
	}
	for _, absent := range []string{"evidence/certainty/high/index.html", "evidence/design/cohort/index.html"} {
		if _, ok := tree[absent]; ok {
			t.Errorf("%s is written, but no synopsis has that value", absent)
		}
	}
	page := func(p string) string { return string(tree[p]) }
	contains(t, "evidence/creative-health-review/index.html", page("evidence/creative-health-review/index.html"),
		`<h2 id="trust">How much to trust this</h2>`, "Very low certainty", "<dt>Art forms</dt><dd>not stated</dd>",
		"<dt>Outcome measures</dt><dd>not stated</dd>", "van Dijk, Anna (2019)", "In: The Test Handbook.",
		`href="/evidence/creative-health-review/references.ris"`)
	contains(t, "pathways/respiratory/index.html", page("pathways/respiratory/index.html"), "What the evidence says")
	contains(t, "providers/breath-choir/index.html", page("providers/breath-choir/index.html"),
		`<a href="/evidence/singing-lungs-review/">`, `<a href="/evidence/singing-trial/">`, `<a href="/evidence/pathway/respiratory/">Respiratory</a> (4 synopses)`)
	if strings.Contains(page("providers/breath-choir/index.html"), `href="/evidence/breath-voices/"`) {
		t.Error("the provider links a synopsis that shares no outcome measure with it")
	}
	if strings.Contains(page("providers/still-moves/index.html"), `<a href="/evidence/dance-mood-review/">`) {
		t.Error("a provider with no [quality] evaluation links synopses by measure")
	}
	contains(t, "sitemap.xml", page("sitemap.xml"), "<loc>https://evidence.example.net/evidence/</loc>",
		"<loc>https://evidence.example.net/evidence/singing-trial/</loc>\n    <lastmod>2026-11-01</lastmod>",
		"<loc>https://evidence.example.net/evidence/pathway/respiratory/</loc>")
	contains(t, "data/index.html", page("data/index.html"), `href="/evidence/references.bib"`, `href="/evidence/references.ris"`, `href="/evidence/references.json"`)
	ld := jsonLD(t, tree["evidence/singing-trial/index.html"])
	if len(ld) != 1 || ld[0]["@type"] != "Report" {
		t.Fatalf("JSON-LD of a synopsis: %v", ld)
	}
	cited := ld[0]["citation"].([]any)[0].(map[string]any)
	if cited["@type"] != "ScholarlyArticle" || cited["url"] != "https://doi.org/10.5555/test.2" ||
		cited["author"].([]any)[0].(map[string]any)["familyName"] != "Ashdown" {
		t.Errorf("citation in JSON-LD: %v", cited)
	}
}

func contains(t *testing.T, name, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q", name, w)
		}
	}
}

// TestEvidenceExportsParse reads the library's exports back with
// citation-js: family names, organisations as one name, types and keys.
func TestEvidenceExportsParse(t *testing.T) {
	node, err := exec.LookPath("node")
	_, serr := os.Stat("../../node_modules/@citation-js/plugin-ris")
	if err != nil || serr != nil {
		testenv.Missing(t, "node and citation-js are needed (run npm ci): %v %v", err, serr)
	}
	out, _ := build(t, txtarSite(t, "evidence"))
	type item struct {
		Key     string              `json:"key"`
		Type    string              `json:"type"`
		Authors []map[string]string `json:"authors"`
		Year    int                 `json:"year"`
	}
	for _, f := range []string{"references.bib", "references.ris", "references.json"} {
		got, err := exec.Command(node, "../cite/testdata/parse.mjs", filepath.Join(out, "evidence", f)).Output()
		if err != nil {
			t.Fatalf("citation-js could not read %s: %v", f, err)
		}
		var items []item
		if err := json.Unmarshal(got, &items); err != nil || len(items) != 5 {
			t.Fatalf("%s: %v, %d items: %s", f, err, len(items), got)
		}
		keys, types := []string{}, []string{}
		for _, it := range items {
			keys, types = append(keys, it.Key), append(types, it.Type)
		}
		wantKeys := []string{"ashdown2020a", "ashdown2020b", "test2021", "world2022", "vandijk2019"}
		wantTypes := []string{"article-journal", "article-journal", "report", "webpage", "chapter"}
		if f == "references.bib" {
			wantTypes[3] = "document" // BibTeX has no web page type: @misc
		}
		if !slices.Equal(keys, wantKeys) || !slices.Equal(types, wantTypes) {
			t.Errorf("%s: keys %q types %q, want %q %q", f, keys, types, wantKeys, wantTypes)
		}
		if a := items[0].Authors; len(a) != 2 || a[0]["family"] != "Ashdown" || a[0]["given"] != "Ruth" || a[1]["family"] != "Okafor" {
			t.Errorf("%s: authors of the first reference %v", f, a)
		}
		org := items[2].Authors[0]
		if org["literal"] == "" && (org["family"] == "" || org["given"] != "") {
			t.Errorf("%s: the organisation was split: %v", f, org)
		}
		if !strings.Contains(org["literal"]+org["family"], "Test Council for Arts") {
			t.Errorf("%s: the organisation's name is %v", f, org)
		}
	}
}

func TestSharesMeasure(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"WEMWBS", "wemwbs", true},
		{"WEMWBS", "SWEMWBS", false},
		{"Edinburgh Postnatal Depression Scale", "Edinburgh Postnatal Depression Scale (collected by referrers)", true},
		{"COPD Assessment Test", "copd  assessment test", true},
		{"SF-36", "SF-12", false},
		{"Test", "COPD Assessment Test", true},
		{"", "", false},
		{"()", "(collected)", false},
	} {
		if got := sharesMeasure([]string{c.a}, []string{c.b}); got != c.want {
			t.Errorf("sharesMeasure(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
