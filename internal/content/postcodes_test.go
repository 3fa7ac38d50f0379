package content

import (
	"testing"
	"testing/fstest"
)

// TestPostcodeRules covers content/areas/postcodes.csv and the
// [[attribution]] tables of site.toml (appended from line 37).
func TestPostcodeRules(t *testing.T) {
	const c, pc = cfgPath, PostcodesPath
	coded := edit(cfgPath, `label = "South"`, "label = \"South\"\ncode = \"E2\"")
	attribution := func(body string) func(fstest.MapFS) {
		return func(m fstest.MapFS) { m[c] = file(string(m[c].Data) + "\n[[attribution]]\n" + body) }
	}
	runRules(t, []rule{
		{"postcode file", all(coded, put(pc, "postcode,lat,lon,district\ngl142ab,51.8,-2.5,E2\n")), nil, ""},
		{"postcode file: every bad row", all(coded, put(pc, "postcode,lat,lon,district\nGL14,51.8,-2.5,E2\nGL14 2AB,51.8,-2.5,E9\nGL14 2AD,60,-2.5,\n")),
			[]prob{
				e(pc, 2, 1, `"GL14" is not a postcode`, "GL14 2AB"),
				e(pc, 3, 20, `district "E9" is not the code of any district in site.toml`, "ONS code"),
				e(pc, 4, 10, "postcode GL14 2AD at lat 60, lon -2.5 lies outside the region's bounds", "widen region.bounds"),
			}, ""},
		{"attribution", all(put(pc, "postcode,lat,lon\nGL14 2AB,51.8,-2.5\n"),
			attribution("files = [\"areas/postcodes.csv\"]\ntext = \"Source: ONS\"\nurl = \"https://ogl.example/\"\n")), nil, ""},
		{"attribution of a missing file, no text, bad url", attribution("files = [\"areas/postcode.csv\", \"../x\"]\ntext = \"\"\nurl = \"ogl\"\n"),
			[]prob{
				e(c, 38, 10, "content/areas/postcode.csv does not exist", "correct the path"),
				e(c, 38, 32, `"../x" is not a file under content/`, "areas/postcodes.csv"),
				e(c, 39, 8, "text must not be empty", ""),
				e(c, 40, 7, "attribution url must be a full web address", "https"),
			}, ""},
	})
}
