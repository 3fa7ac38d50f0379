// Package synth owns synthetic sites: deterministic content in the content
// model with any number of providers, for benchmarks and load tests.
package synth

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"artsmap/internal/registry"
)

var (
	districts = []string{"north", "south", "east", "west", "central", "coast"}
	pathways  = []string{"chronic-pain", "respiratory", "mental-health", "dementia", "diabetes", "stroke", "parkinsons", "cancer"}
	artforms  = []string{"singing", "visual-art", "dance", "drama", "writing", "crafts", "music", "photography"}
	audiences = []string{"children", "young-people", "adults", "older-people", "carers"}
	referral  = []string{"self", "gp", "link-worker", "hospital"}
	words     = strings.Fields("singing breath memory paint clay story dance rhythm garden river valley hill market " +
		"community wellbeing recovery friendship colour light voice movement craft making listening")
)

// Site returns a site with n providers, the same for the same n and seed.
func Site(n int, seed uint64) fstest.MapFS {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	fsys := fstest.MapFS{"content/site.toml": file(config())}
	for i := range n {
		slug := fmt.Sprintf("provider-%05d", i)
		fsys["content/providers/"+slug+"/index.md"] = file(provider(r, i))
		fsys["content/providers/"+slug+"/locations.geojson"] = file(locations(r, i))
	}
	return fsys
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

func config() string {
	var b strings.Builder
	b.WriteString("title = \"Synthshire Arts and Health Map\"\nbase_url = \"https://synth.example.org/\"\n" +
		"timezone = \"Europe/London\"\nsample_data = true\n\n[region]\nname = \"Synthshire\"\n" +
		"bounds = [-3.0, 51.0, -1.0, 53.0]\n\n[map]\ntiles = \"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"\n")
	for _, v := range []struct {
		key string
		ids []string
	}{{"districts", districts}, {"pathways", pathways}, {"artforms", artforms}, {"audiences", audiences}, {"referral", referral}} {
		for _, id := range v.ids {
			fmt.Fprintf(&b, "\n[[vocab.%s]]\nid = %q\nlabel = %q\n", v.key, id, label(id))
		}
	}
	return b.String()
}

func pick(r *rand.Rand, list []string, n int) string {
	idx := r.Perm(len(list))[:n]
	q := make([]string, n)
	for i, j := range idx {
		q[i] = fmt.Sprintf("%q", list[j])
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.IntN(len(words))]
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func provider(r *rand.Rand, i int) string {
	var b strings.Builder
	kinds, statuses := registry.ProviderKindChoices().IDs(), registry.ProviderStatuses().IDs()
	status := statuses[r.IntN(len(statuses))]
	fmt.Fprintf(&b, "+++\nname = \"%s %d\"\nkind = %q\nsummary = %q\nstatus = %q\nsince = %d\n",
		strings.Title(words[r.IntN(len(words))]), i, kinds[r.IntN(len(kinds))], sentence(r, 14), status, 2000+r.IntN(26)) // ASCII words
	fmt.Fprintf(&b, "districts = %s\npathways = %s\nartforms = %s\naudiences = %s\nreferral = %s\n",
		pick(r, districts, 1+r.IntN(2)), pick(r, pathways, 1+r.IntN(3)), pick(r, artforms, 1+r.IntN(2)),
		pick(r, audiences, 1+r.IntN(2)), pick(r, referral, 1+r.IntN(3)))
	fmt.Fprintf(&b, "website = \"https://p%d.example.org\"\nemail = \"p%d@example.org\"\nphone = \"01632 960%03d\"\n",
		i, i, i%1000)
	fmt.Fprintf(&b, "publish_contact = %t\nreviewed = 2026-%02d-%02d\ntags = [%q]\n", r.IntN(3) > 0, 1+r.IntN(10), 1+r.IntN(28), words[r.IntN(len(words))])
	b.WriteString("\n[quality]\nsafeguarding_policy = true\ndbs_checked = true\nevaluation = [\"WEMWBS\"]\n")
	programme := registry.ProgrammeStatuses().IDs()
	for j := range 1 + r.IntN(3) {
		fmt.Fprintf(&b, "\n[[programmes]]\nid = \"prog-%d\"\ntitle = %q\nstatus = %q\nformat = %q\ncost = %q\n"+
			"started = 20%02d-09-01\nvenues = [\"venue-%d\"]\nsummary = %q\n",
			j, sentence(r, 3), programme[r.IntN(len(programme))], registry.Formats[0].ID, registry.Costs[0].ID,
			10+r.IntN(16), j%2, sentence(r, 12))
	}
	fmt.Fprintf(&b, "+++\n%s\n\n## Sessions\n\n%s %s\n\n- %s\n- %s\n", sentence(r, 40), sentence(r, 30), sentence(r, 20), sentence(r, 6), sentence(r, 6))
	return b.String()
}

func locations(r *rand.Rand, i int) string {
	var f []string
	for j := range 2 {
		f = append(f, fmt.Sprintf(`{"type": "Feature", "id": "venue-%d", "geometry": {"type": "Point", "coordinates": [%.4f, %.4f]},
 "properties": {"name": "Hall %d-%d", "address": "%d High Street", "postcode": "SY1 %dAA", "step_free": %t, "hearing_loop": %t, "accessibility": "Level access."}}`,
			j, -2.9+r.Float64()*1.8, 51.1+r.Float64()*1.8, i, j, 1+r.IntN(200), r.IntN(9), r.IntN(2) == 0, r.IntN(2) == 0))
	}
	return `{"type": "FeatureCollection", "features": [` + strings.Join(f, ",\n") + "]}\n"
}

// Write writes Site(n, seed) into dir, which is created if needed. It
// writes file by file rather than with os.CopyFS, whose walk lists each
// folder of a MapFS by scanning every path of the map: quadratic, which
// took minutes at 50,000 providers.
func Write(dir string, n int, seed uint64) error {
	site := Site(n, seed)
	for _, name := range slices.Sorted(maps.Keys(site)) {
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, site[name].Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
