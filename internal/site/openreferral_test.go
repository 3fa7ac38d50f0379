package site

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"artsmap"
	"artsmap/internal/openreferral"
	"artsmap/internal/synth"
	"artsmap/internal/testenv"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// hsdsDir finds the official HSDS 3.0 schemas and examples: in
// $ARTSMAP_HSDS_DIR, else in shared/data/hsds-3.0 beside the repository or
// beside any folder above it (a clone in a subfolder finds the workplace's).
// Without them the test is skipped, except under CI=true,
// where it fails.
func hsdsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ARTSMAP_HSDS_DIR")
	if dir == "" {
		cwd, err := filepath.Abs(".") // the package's folder, inside the repository
		if err != nil {
			t.Fatal(err)
		}
		candidates := []string{}
		for d := cwd; ; d = filepath.Dir(d) {
			candidates = append(candidates, filepath.Join(filepath.Dir(d), "shared", "data", "hsds-3.0"))
			if d == filepath.Dir(d) {
				break
			}
		}
		dir = candidates[0]
		for _, c := range candidates {
			if _, err := os.Stat(filepath.Join(c, "schema", "service.json")); err == nil {
				dir = c
				break
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "schema", "service.json")); err != nil {
		testenv.Missing(t, "the HSDS 3.0 schemas are not here: %v", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// hsds validates documents against the official schemas.
type hsds struct {
	items map[string]*jsonschema.Schema // kind -> item schema
	pages map[string]*jsonschema.Schema // kind -> list page schema
	root  *jsonschema.Schema
}

// schemaOf is the schema file of each kind of the export.
var schemaOf = map[string]string{
	"organizations": "organization.json", "services": "service.json",
	"service_at_locations": "service_at_location.json", "taxonomies": "taxonomy.json", "taxonomy_terms": "taxonomy_term.json",
}

// newHSDS compiles the item schemas from the schema files (draft 2020-12,
// formats asserted, $refs between files resolved by the library) and the
// page and root schemas from the OpenAPI document's Page and "/" response.
func newHSDS(t *testing.T, dir string) *hsds {
	t.Helper()
	api := readJSON(t, filepath.Join(dir, "openapi.json")).(map[string]any)
	page := dig(t, api, "components", "schemas", "Page")
	root := dig(t, api, "paths", "/", "get", "responses", "200", "content", "application/json", "schema")
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.RegisterFormat(&jsonschema.Format{Name: "uri", Validate: func(v any) error {
		if s, ok := v.(string); ok {
			return strictURI(s)
		}
		return nil
	}})
	v := &hsds{items: map[string]*jsonschema.Schema{}, pages: map[string]*jsonschema.Schema{}}
	envelope := []any{"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.AddResource("urn:artsmap:root", map[string]any{"allOf": []any{root},
		"required": []any{"version", "profile", "openapi_url"}}))
	for kind, file := range schemaOf {
		item := "file://" + filepath.ToSlash(filepath.Join(dir, "schema", file))
		must(c.AddResource("urn:artsmap:page:"+kind, map[string]any{
			"allOf": []any{page}, "type": "object", "required": envelope,
			"properties": map[string]any{"contents": map[string]any{"type": "array", "items": map[string]any{"$ref": item}}},
		}))
		var err error
		v.items[kind], err = c.Compile(item)
		must(err)
		v.pages[kind], err = c.Compile("urn:artsmap:page:" + kind)
		must(err)
	}
	var err error
	v.root, err = c.Compile("urn:artsmap:root")
	must(err)
	return v
}

// strictURI checks an absolute URI by RFC 3986's characters (the library's
// own "uri" format uses Go's lenient parser, which lets "<" and a space
// through): only unreserved and reserved characters and %HH escapes.
func strictURI(s string) error {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return fmt.Errorf("%q: %% not followed by two hex digits", s)
			}
		case c > 0x7e || c <= ' ' || strings.IndexByte(`"<>\^`+"`{|}", c) >= 0:
			return fmt.Errorf("%q: %q is not allowed in a URI", s, c)
		}
	}
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return fmt.Errorf("%q is not an absolute URI", s)
	}
	return nil
}

func readJSON(t *testing.T, path string) any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// dig follows keys into a JSON object.
func dig(t *testing.T, v any, keys ...string) any {
	t.Helper()
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok || m[k] == nil {
			t.Fatalf("no %q in the OpenAPI document", k)
		}
		v = m[k]
	}
	return v
}

// validate checks one file of the export, choosing the schema by its path:
// openreferral/index.json, 404.json, <kind>/page-<n>.json or <kind>/<id>.
func (v *hsds) validate(name string, data []byte) error {
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	rel := strings.TrimPrefix(name, OpenReferralDir+"/")
	if rel == "index.json" {
		return v.root.Validate(doc)
	}
	if rel == openreferral.NotFoundName { // HSDS 3.0 defines no error document
		if m, ok := doc.(map[string]any); !ok || m["status"] != json.Number("404") && m["status"] != 404.0 || m["error"] == "" {
			return fmt.Errorf("not an error document with status 404: %v", doc)
		}
		return nil
	}
	kind, file, ok := strings.Cut(rel, "/")
	if !ok || v.items[kind] == nil {
		return errors.New("not a file of the export")
	}
	if strings.HasPrefix(file, "page-") {
		return v.pages[kind].Validate(doc)
	}
	return v.items[kind].Validate(doc)
}

// exportOf loads a site and lays out its Open Referral export in memory.
func exportOf(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	s, probs := load(Options{Site: fsys, Theme: artsmap.Theme, Now: testNow})
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range s.openReferralFiles() {
		data, err := f.Encode()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Path] = data
	}
	return out
}

// TestOpenReferralValid validates the official examples (proving the
// validator) and every document of the export of the real content, the
// other-region and hostile fixtures and a synthetic site.
func TestOpenReferralValid(t *testing.T) {
	dir := hsdsDir(t)
	v := newHSDS(t, dir)
	examples := map[string]string{"service_full.json": "services/x.json", "organization_full.json": "organizations/x.json",
		"service_at_location_full.json": "service_at_locations/x.json", "service_list.json": "services/page-1.json",
		"organization_list.json": "organizations/page-1.json"}
	for file, as := range examples {
		data, err := os.ReadFile(filepath.Join(dir, "examples", file))
		if err != nil {
			t.Fatal(err)
		}
		if err := v.validate(OpenReferralDir+"/"+as, data); err != nil {
			t.Errorf("official example %s: %v", file, err)
		}
	}
	sites := map[string]fs.FS{"content": os.DirFS("../.."), "fellside": txtarSite(t, "fellside"),
		"hostile": txtarSite(t, "hostile"), "synthetic": synth.Site(120, 7)}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			export := exportOf(t, fsys)
			for _, path := range slices.Sorted(maps.Keys(export)) {
				if err := v.validate(path, export[path]); err != nil {
					t.Errorf("%s: %v", path, err)
				}
			}
			if len(export) < 7 {
				t.Errorf("only %d files in the export", len(export))
			}
		})
	}
}

// TestOpenReferralBrokenFails proves the validator rejects broken documents.
func TestOpenReferralBrokenFails(t *testing.T) {
	v := newHSDS(t, hsdsDir(t))
	export := exportOf(t, txtarSite(t, "fellside"))
	var service, page string
	for path := range export {
		switch {
		case strings.HasPrefix(path, "openreferral/services/page-"):
			page = path
		case strings.HasPrefix(path, "openreferral/services/") && strings.Contains(string(export[path]), `"addresses"`):
			service = path
		}
	}
	tests := []struct {
		name, path string
		breakIt    func(doc map[string]any)
	}{
		{"no status", service, func(d map[string]any) { delete(d, "status") }},
		{"status not in the list", service, func(d map[string]any) { d["status"] = "open" }},
		{"id not a UUID", service, func(d map[string]any) { d["id"] = "singing-for-breathing" }},
		{"email not an address", service, func(d map[string]any) { d["email"] = "not an address" }},
		{"website not a URI", service, func(d map[string]any) { d["url"] = "https://printmakers.example.net/?a=1&b=<x>" }},
		{"nested address without a country", service, func(d map[string]any) {
			loc := d["service_at_locations"].([]any)[0].(map[string]any)["location"].(map[string]any)
			delete(loc["addresses"].([]any)[0].(map[string]any), "country")
		}},
		{"url not a URI (format asserted)", service, func(d map[string]any) { d["url"] = "breath.example.net/refer form" }},
		{"minimum_age not a number", service, func(d map[string]any) { d["minimum_age"] = "60" }},
		{"schedule freq not in the list", service, func(d map[string]any) {
			d["schedules"].([]any)[0].(map[string]any)["freq"] = "FORTNIGHTLY"
		}},
		{"schedule timezone a name", service, func(d map[string]any) {
			d["schedules"].([]any)[0].(map[string]any)["timezone"] = "Europe/London"
		}},
		{"page without total_items", page, func(d map[string]any) { delete(d, "total_items") }},
		{"item in a page without a name", page, func(d map[string]any) {
			delete(d["contents"].([]any)[0].(map[string]any), "name")
		}},
	}
	if service == "" || page == "" {
		t.Fatal("the fixture has no service with an address")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(export[tt.path], &doc); err != nil {
				t.Fatal(err)
			}
			if err := v.validate(tt.path, export[tt.path]); err != nil {
				t.Fatalf("the unbroken document fails: %v", err)
			}
			tt.breakIt(doc)
			data, _ := json.Marshal(doc)
			if err := v.validate(tt.path, data); err == nil {
				t.Errorf("%s: the broken document validates", tt.path)
			}
		})
	}
}

// TestOpenReferralGolden keeps the whole export of the small fixture site
// in a golden file, so that any change to the mapping shows in review.
func TestOpenReferralGolden(t *testing.T) {
	export := exportOf(t, txtarSite(t, "fellside"))
	var b strings.Builder
	for _, path := range slices.Sorted(maps.Keys(export)) {
		var doc any
		if err := json.Unmarshal(export[path], &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pretty, _ := json.MarshalIndent(doc, "", "  ")
		fmt.Fprintf(&b, "-- %s --\n%s\n", path, pretty)
	}
	golden(t, "openreferral.txtar", []byte(b.String()))
	again := exportOf(t, txtarSite(t, "fellside"))
	if !maps.EqualFunc(export, again, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Error("two exports of the same site differ")
	}
}
