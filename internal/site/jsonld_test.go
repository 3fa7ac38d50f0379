package site

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// jsonLD returns the JSON-LD blocks of an HTML page, decoded.
func jsonLD(t *testing.T, page []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	z := html.NewTokenizer(bytes.NewReader(page))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		tok := z.Token()
		if tt != html.StartTagToken || tok.Data != "script" || attr(tok, "type") != "application/ld+json" {
			continue
		}
		z.Next()
		var doc map[string]any
		if err := json.Unmarshal(z.Text(), &doc); err != nil {
			t.Fatalf("JSON-LD does not parse: %v", err)
		}
		out = append(out, doc)
	}
	return out
}

// field follows keys (and first array elements) into a decoded document.
func field(doc any, keys ...string) any {
	for _, k := range keys {
		if arr, ok := doc.([]any); ok && len(arr) > 0 {
			doc = arr[0]
		}
		m, ok := doc.(map[string]any)
		if !ok {
			return nil
		}
		doc = m[k]
	}
	return doc
}

// TestJSONLD parses the schema.org description of a page of every kind of
// the real site and checks its types and main fields.
func TestJSONLD(t *testing.T) {
	out, _ := build(t, os.DirFS("../.."))
	tree := readTree(t, out)
	tests := []struct {
		page string
		typ  string
		want map[string][]string // path of keys (joined by ".") -> wanted value, or "" for present
	}{
		{"providers/mindsong/index.html", "ProfilePage", map[string][]string{"dateModified": {"20"},
			"mainEntity.@type": {"Organization"}, "mainEntity.name": {"Mindsong"}, "mainEntity.url": {"https://"},
			"mainEntity.makesOffer.@type": {"Offer"}, "mainEntity.makesOffer.itemOffered.@type": {"Service"},
			"mainEntity.location.@type": {"Place"}, "mainEntity.location.geo.@type": {"GeoCoordinates"},
			"mainEntity.location.geo.latitude": {""}, "mainEntity.areaServed.@type": {"AdministrativeArea"}}},
		{"providers/lullaby-lane/index.html", "ProfilePage", map[string][]string{"mainEntity.@type": {"Person"},
			"mainEntity.name": {""}, "mainEntity.workLocation.@type": {"Place"}}},
		{"events/creative-lab-good-practice-2027/index.html", "Event", map[string][]string{
			"name": {""}, "startDate": {"2027-"}, "location.@type": {"Place"}}},
		{"factsheets/commissioning-terms/index.html", "DefinedTermSet", map[string][]string{
			"name": {""}, "hasDefinedTerm.@type": {"DefinedTerm"}, "hasDefinedTerm.description": {""},
			"hasDefinedTerm.inDefinedTermSet": {"https://"}}},
		{"learning/options-appraisal-commissioning-models/index.html", "Report", map[string][]string{
			"headline": {""}, "datePublished": {"20"}, "author.@type": {"Person"}, "publisher.name": {""}}},
		{"learning/case-study-singing-for-breathing/index.html", "Article", map[string][]string{"headline": {""}}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			docs := jsonLD(t, tree[tt.page])
			if len(docs) != 1 {
				t.Fatalf("%d JSON-LD blocks, want 1", len(docs))
			}
			doc := docs[0]
			if doc["@context"] != "https://schema.org" || doc["@type"] != tt.typ {
				t.Errorf("@context %v, @type %v; want https://schema.org, %s", doc["@context"], doc["@type"], tt.typ)
			}
			for path, want := range tt.want {
				got := field(doc, strings.Split(path, ".")...)
				s, _ := json.Marshal(got)
				if got == nil || got == "" || !strings.Contains(string(s), want[0]) {
					t.Errorf("%s = %s, want it to contain %q", path, s, want[0])
				}
			}
		})
	}
	for _, page := range []string{"index.html", "providers/index.html", "map/index.html"} {
		if n := len(jsonLD(t, tree[page])); n != 0 {
			t.Errorf("%s has %d JSON-LD blocks, want none", page, n)
		}
	}
}

// TestJSONLDHostile: a provider named with script payloads gets valid
// JSON-LD that holds the name exactly and cannot end its element.
func TestJSONLDHostile(t *testing.T) {
	out, _ := build(t, txtarSite(t, "hostile"))
	tree := readTree(t, out)
	page := tree["providers/evil/index.html"]
	docs := jsonLD(t, page)
	if len(docs) != 1 {
		t.Fatalf("%d JSON-LD blocks, want 1", len(docs))
	}
	entity, _ := docs[0]["mainEntity"].(map[string]any)
	name, _ := entity["name"].(string)
	if !strings.HasPrefix(name, "<script>alert(1)</script>") {
		t.Errorf("name = %q, want the payload as text", name)
	}
	if bytes.Count(page, []byte("</script>")) != bytes.Count(page, []byte("<script")) {
		t.Error("a </script> in the content ended an element early")
	}
}
