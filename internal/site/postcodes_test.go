package site

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"artsmap/internal/synth"
)

// TestPostcodeBuild builds a synthetic region with a postcode file: one
// file per outward code holding its postcodes, an index naming each
// outward code's district, a page per outward code listing the provider
// beside it first with its distance, the form on /near/, and the
// attribution on /data/. Two builds are byte-identical.
func TestPostcodeBuild(t *testing.T) {
	fsys := synth.Site(12, 7)
	pcs := synth.AddPostcodes(fsys, 3)
	fsys["content/site.toml"].Data = append(fsys["content/site.toml"].Data,
		"\n[[attribution]]\nfiles = [\"areas/postcodes.csv\"]\ntext = \"Source: Synthshire Council\"\nurl = \"https://synth.example.org/licence\"\n"...)
	out, res := build(t, fsys)
	for _, p := range res.Problems {
		if !p.Warning {
			t.Errorf("problem: %v", p)
		}
	}
	tree := readTree(t, out)
	var index struct {
		Districts [][2]string `json:"districts"`
		Outward   [][]any     `json:"outward"`
	}
	if err := json.Unmarshal(tree["data/postcodes/index.json"], &index); err != nil {
		t.Fatalf("index: %v", err)
	}
	if len(index.Outward) != 3 || index.Outward[0][0] != "SY1" || index.Outward[2][0] != "SY3" {
		t.Errorf("index outward codes = %v, want SY1, SY2, SY3", index.Outward)
	}
	for i, pc := range pcs {
		d := int(index.Outward[i][3].(float64))
		if d < 0 || index.Districts[d][1] != pc.District {
			t.Errorf("%s: district %d of %v, want %s", pc.Outward, d, index.Districts, pc.District)
		}
		var shard [][]any
		if err := json.Unmarshal(tree["data/postcodes/"+pc.Outward+".json"], &shard); err != nil || len(shard) != 2 || shard[0][0] != pc.Code[len(pc.Outward)+1:] {
			t.Errorf("%s.json = %s (%v)", pc.Outward, tree["data/postcodes/"+pc.Outward+".json"], err)
		}
		page := string(tree["near/"+pc.Outward+"/index.html"])
		first := strings.Index(page, `<li data-slug="`)
		if first < 0 || !strings.HasPrefix(page[first:], `<li data-slug="`+pc.Nearest+`"><p class="card-distance">0.6 miles (1.0 km) away`) ||
			!strings.Contains(page, "is in <a href=\"/districts/") || !strings.Contains(page, "miles (") {
			t.Errorf("near/%s/ does not list %s first with its distance and the district:\n%.600s", pc.Outward, pc.Nearest, page[max(first, 0):])
		}
	}
	near := string(tree["near/index.html"])
	if !strings.Contains(near, `<form class="near-form" action="/near/" method="get">`) || !strings.Contains(near, `<option value="SY2">SY2 (`) {
		t.Errorf("/near/ has no postcode district form")
	}
	if !strings.Contains(string(tree["data/index.html"]), "Source: Synthshire Council (<a href=\"https://synth.example.org/licence\">licence</a>). Files: <code>areas/postcodes.csv</code>") {
		t.Errorf("/data/ does not credit the postcode file")
	}
	again, _ := build(t, fsys)
	for name, data := range readTree(t, again) {
		if strings.HasPrefix(name, "data/postcodes/") || strings.HasPrefix(name, "near/") {
			if !bytes.Equal(data, tree[name]) {
				t.Errorf("%s differs between two builds", name)
			}
		}
	}
}

func TestDistanceText(t *testing.T) {
	for km, want := range map[float64]string{1.609344: "1.0 mile (1.6 km)", 3.7: "2.3 miles (3.7 km)", 20: "12 miles (20 km)", 0: "0.0 miles (0.0 km)"} {
		if got := distanceText(km); got != want {
			t.Errorf("distanceText(%v) = %q, want %q", km, got, want)
		}
	}
}
