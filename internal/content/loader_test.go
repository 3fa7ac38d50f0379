package content

import (
	"slices"
	"testing"
	"testing/fstest"

	"artsmap/internal/diag"
)

// TestReloadMatchesFullLoad changes, adds and removes provider folders and
// checks that a reload of just those folders equals a full load.
func TestReloadMatchesFullLoad(t *testing.T) {
	fsys := validSite()
	ld := NewLoader(fsys, Options{Now: now})
	ld.Load(nil)
	steps := []struct {
		name    string
		change  func(fstest.MapFS)
		changed []string
	}{
		{"break a profile", edit(providerPath, `pathways = ["chronic-pain"]`, `pathways = ["chronic-pian"]`), []string{providerPath}},
		{"add a provider", func(f fstest.MapFS) {
			f["content/providers/q/index.md"] = &fstest.MapFile{Data: []byte(replace(provider, "Test Provider", "Second"))}
			f["content/providers/q/locations.geojson"] = &fstest.MapFile{Data: []byte(locations)}
		}, []string{"content/providers/q/index.md", "content/providers/q/locations.geojson"}},
		{"mend the profile", edit(providerPath, `pathways = ["chronic-pian"]`, `pathways = ["chronic-pain"]`), []string{providerPath}},
		{"remove a provider", func(f fstest.MapFS) {
			delete(f, "content/providers/q/index.md")
			delete(f, "content/providers/q/locations.geojson")
		}, []string{"content/providers/q/index.md"}},
		{"change a venue", edit("content/providers/p/locations.geojson", `"id": "hall"`, `"id": "hut"`), []string{"content/providers/p/locations.geojson"}},
		{"change the settings", edit("content/site.toml", `title = "Test Map"`, `title = "Renamed"`), []string{"content/site.toml"}},
	}
	for _, st := range steps {
		st.change(fsys)
		got, gotProbs := ld.Load(st.changed)
		want, wantProbs := Load(fsys, Options{Now: now})
		if !slices.Equal(problemStrings(gotProbs.Items()), problemStrings(wantProbs.Items())) {
			t.Errorf("%s: reload problems\n%v\nfull load\n%v", st.name, gotProbs.Items(), wantProbs.Items())
		}
		var a, b []string
		for _, p := range got.Providers {
			a = append(a, p.Slug+":"+p.Name)
		}
		for _, p := range want.Providers {
			b = append(b, p.Slug+":"+p.Name)
		}
		if !slices.Equal(a, b) || got.Config.Title != want.Config.Title {
			t.Errorf("%s: reload has %v (%q), full load %v (%q)", st.name, a, got.Config.Title, b, want.Config.Title)
		}
	}
}

func problemStrings(ps []diag.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}
