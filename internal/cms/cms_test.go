package cms

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"artsmap/internal/content"
	"artsmap/internal/registry"
	"artsmap/internal/testenv"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// repoRoot is the folder holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if dir == filepath.Dir(dir) {
			t.Fatal("no go.mod above the package")
		}
	}
}

// siteConfig loads a site's settings, failing on any problem.
func siteConfig(t *testing.T, dir string) *content.Config {
	t.Helper()
	cfg, probs := content.LoadConfig(os.DirFS(dir))
	if probs.Errors() > 0 {
		t.Fatalf("site.toml: %v", probs.Items())
	}
	return cfg
}

func collection(t *testing.T, d Document, name string) Collection {
	t.Helper()
	for _, c := range d.Collections {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no collection %q", name)
	return Collection{}
}

func field(t *testing.T, fields []Field, path string) Field {
	t.Helper()
	name, rest, nested := strings.Cut(path, ".")
	for _, f := range fields {
		if f.Name == name {
			if nested {
				return field(t, f.Fields, rest)
			}
			return f
		}
	}
	t.Fatalf("no field %q", path)
	return Field{}
}

// TestVocabularyPickLists: every field that takes vocabulary ids is a
// pick-list of exactly the site's terms, in site.toml order, labelled as
// the site labels them; and the fixed choices match the loader's.
func TestVocabularyPickLists(t *testing.T) {
	cfg := siteConfig(t, repoRoot(t))
	d := Build(cfg)
	providers := collection(t, d, "providers")
	v := cfg.Vocab
	for _, c := range []struct {
		coll    Collection
		path    string
		terms   []content.Term
		minimum int
	}{
		{providers, "districts", v.Districts, 1}, {providers, "pathways", v.Pathways, 1},
		{providers, "artforms", v.Artforms, 1}, {providers, "audiences", v.Audiences, 0},
		{providers, "referral", v.Referral, 0}, {providers, "programmes.pathways", v.Pathways, 0},
		{providers, "programmes.artforms", v.Artforms, 0}, {providers, "programmes.audiences", v.Audiences, 0},
		{collection(t, d, "learning"), "pathways", v.Pathways, 0},
	} {
		f := field(t, c.coll.Fields, c.path)
		var want []Option
		for _, term := range c.terms {
			want = append(want, Option{Label: term.Label, Value: term.ID})
		}
		if f.Widget != "select" || !f.Multiple || !reflect.DeepEqual(f.Options, want) {
			t.Errorf("%s.%s: widget %s multiple %v options %v, want a multiple select of %v", c.coll.Name, c.path, f.Widget, f.Multiple, f.Options, want)
		}
		if got := (f.Required == nil || *f.Required) && f.Min != nil && *f.Min == c.minimum; c.minimum > 0 != got {
			t.Errorf("%s.%s: required %v min %v, want at least %d", c.coll.Name, c.path, f.Required, f.Min, c.minimum)
		}
	}
	for _, c := range []struct {
		coll    Collection
		path    string
		choices registry.Choices
	}{
		{providers, "kind", registry.ProviderKindChoices()}, {providers, "status", registry.ProviderStatuses()},
		{providers, "programmes.status", registry.ProgrammeStatuses()}, {providers, "programmes.format", registry.FormatChoices()},
		{providers, "programmes.cost", registry.CostChoices()}, {collection(t, d, "learning"), "kind", registry.LearningKindChoices()},
		{collection(t, d, "events"), "kind", registry.EventKinds}, {collection(t, d, "evidence"), "design", registry.DesignChoices()},
		{collection(t, d, "evidence"), "certainty", registry.CertaintyChoices()},
		{collection(t, d, "evidence"), "reference.type", registry.ReferenceTypes},
		{providers, "programmes.schedule.days", registry.Weekdays}, {providers, "programmes.schedule.every", registry.Repetitions},
	} {
		var got registry.Choices
		for _, o := range field(t, c.coll.Fields, c.path).Options {
			id, _ := o.Value.(string)
			got = append(got, registry.Choice{ID: id, Label: o.Label})
		}
		if !slices.Equal(got, c.choices) {
			t.Errorf("%s.%s offers %v, want %v", c.coll.Name, c.path, got, c.choices)
		}
	}
}

// TestOtherRegion: a site with its own vocabularies gets its own lists.
func TestOtherRegion(t *testing.T) {
	cfg := &content.Config{Title: "Elsewhere", CMS: content.CMSSettings{Repo: "a/b"}}
	cfg.Vocab.Districts = []content.Term{{ID: "north", Label: "North"}, {ID: "south", Label: "South"}}
	d := Build(cfg)
	got := field(t, collection(t, d, "providers").Fields, "districts").Options
	if want := []Option{{"North", "north"}, {"South", "south"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("districts offer %v, want %v", got, want)
	}
	if d.Backend.Repo != "a/b" || d.Backend.Branch != DefaultBranch || d.Backend.BaseURL != DefaultAuthURL {
		t.Errorf("backend %+v, want repo a/b with the default branch and OAuth provider", d.Backend)
	}
	if field(t, collection(t, d, "providers").Fields, "audiences").Options != nil {
		t.Error("an empty vocabulary should offer no options")
	}
}

// TestEveryContentFieldIsEditable: each front-matter key the loader reads
// has a form field, or is named here with the reason it has none (the CMS
// keeps keys it does not show, which TestEditorRoundTrip checks).
func TestEveryContentFieldIsEditable(t *testing.T) {
	d := Build(&content.Config{CMS: content.CMSSettings{Repo: "a/b"}})
	notShown := map[string]string{
		"learning.attachments": "files in a learning bundle, which is a folder the collection does not list",
		"learning.criteria":    "an options appraisal's criteria go with its scores table",
		"learning.options":     "an options appraisal's scores have one column per criterion, which a form cannot show",
	}
	for _, c := range []string{"providers", "factsheets", "learning", "events", "pages", "evidence"} {
		notShown[c+".draft"] = "the editor keeps work not yet published in its own editorial workflow (Draft, In review, Ready); draft = true is written in the file itself"
	}
	for _, c := range []struct {
		name string
		item any
	}{
		{"providers", content.Provider{}}, {"factsheets", content.Factsheet{}}, {"learning", content.Learning{}},
		{"events", content.Event{}}, {"pages", content.Page{}}, {"evidence", content.Evidence{}},
	} {
		checkFields(t, c.name, reflect.TypeOf(c.item), collection(t, d, c.name).Fields, notShown)
	}
}

func checkFields(t *testing.T, at string, typ reflect.Type, fields []Field, notShown map[string]string) {
	t.Helper()
	for i := range typ.NumField() {
		sf := typ.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			checkFields(t, at, sf.Type, fields, notShown) // embedded: its keys are the table's own
			continue
		}
		if name == "" || name == "-" || notShown[at+"."+name] != "" {
			continue
		}
		j := slices.IndexFunc(fields, func(f Field) bool { return f.Name == name })
		if j < 0 {
			t.Errorf("%s.%s has no field in the editor", at, name)
			continue
		}
		inner := sf.Type
		for inner.Kind() == reflect.Pointer || inner.Kind() == reflect.Slice {
			inner = inner.Elem()
		}
		if inner.Kind() == reflect.Struct && inner.NumField() > 0 && inner.Field(0).Tag.Get("toml") != "" {
			checkFields(t, at+"."+name, inner, fields[j].Fields, notShown)
		}
	}
}

// TestConfigMatchesCMSSchema validates the generated configuration of the
// Gloucestershire site against the JSON Schema that Sveltia CMS publishes
// in its npm package, and shows that a wrong one fails it.
func TestConfigMatchesCMSSchema(t *testing.T) {
	schemaPath := filepath.Join(repoRoot(t), "node_modules", "@sveltia", "cms", "schema", "sveltia-cms.json")
	if _, err := os.Stat(schemaPath); err != nil {
		testenv.Missing(t, "the CMS's schema is missing (run make deps): %v", err)
	}
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	good, err := Build(siteConfig(t, repoRoot(t))).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := bytes.Cut(good, []byte("\n")) // the comment line is YAML, not JSON
	bad := bytes.Replace(body, []byte(`"widget": "select"`), []byte(`"widget": 42`), 1)
	for _, c := range []struct {
		name  string
		doc   []byte
		valid bool
	}{{"generated", body, true}, {"a widget that is a number", bad, false}} {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(c.doc))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); (err == nil) != c.valid {
			t.Errorf("%s: valid %v, want %v: %v", c.name, err == nil, c.valid, err)
		}
	}
}

// TestMarshal: the file starts with a YAML comment and is otherwise JSON,
// with nothing HTML-escaped: the editor shows labels and templates as
// they are written.
func TestMarshal(t *testing.T) {
	cfg := siteConfig(t, repoRoot(t))
	cfg.Vocab.Artforms = append(cfg.Vocab.Artforms, content.Term{ID: "mixed", Label: "Arts & <crafts>"})
	a, err := Build(cfg).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := bytes.Cut(a, []byte("\n"))
	if !bytes.HasPrefix(first, []byte("# ")) || !json.Valid(rest) {
		t.Errorf("want a comment line then JSON, got %.80q", a)
	}
	for _, want := range []string{`{{slug}}`, `Arts & <crafts>`} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("%s is not written as it is", want)
		}
	}
}
