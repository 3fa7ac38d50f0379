package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestAttribution checks [[attribution]]: each file it lists must be a file
// under content/, reported at the item; its url must be a web address.
func TestAttribution(t *testing.T) {
	base := strings.Count(siteTOML, "\n") // the attribution starts on the next line
	with := func(table string) func(fstest.MapFS) {
		return func(fsys fstest.MapFS) {
			fsys["content/site.toml"].Data = []byte(siteTOML + table)
			fsys["content/areas/districts.geojson"] = &fstest.MapFile{Data: []byte(`{"type":"FeatureCollection","features":[]}`), Mode: 0o644}
		}
	}
	const cfg = "content/site.toml"
	runRules(t, []rule{
		{name: "listed files exist", change: with("[[attribution]]\nfiles = [\"areas/districts.geojson\"]\ntext = \"Source: ONS\"\nurl = \"https://example.org/ogl\"\n")},
		{name: "a missing file", change: with("[[attribution]]\nfiles = [\"areas/districts.geojson\", \"areas/postcodes.csv\"]\ntext = \"Source: ONS\"\n"),
			want: []prob{e(cfg, base+2, 37, `attribution file "areas/postcodes.csv" is not in content/`, "put the file at content/areas/postcodes.csv")}},
		{name: "a path out of content", change: with("[[attribution]]\nfiles = [\"../secret.txt\"]\ntext = \"Source: ONS\"\n"),
			want: []prob{e(cfg, base+2, 10, `attribution file "../secret.txt" must be a path under content/, such as "areas/districts.geojson"`, "")}},
		{name: "no text, a url that is not a web address", change: with("[[attribution]]\nfiles = [\"areas/districts.geojson\"]\nurl = \"ftp://example.org/\"\n"),
			want: []prob{
				e(cfg, base+1, 1, "the attribution has no text", `add text = "...", the credit`),
				e(cfg, base+3, 7, "the attribution's url must be a web address", "https://"),
			}},
	})
}
