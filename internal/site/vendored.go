package site

import (
	"fmt"
	"io/fs"
	"strings"

	"artsmap/internal/cms"
)

// mapLibraries are the map's browser libraries, which make copies from
// npm into static/vendor/ before the binary is compiled (never committed).
var mapLibraries = []string{"vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
	"vendor/leaflet.markercluster/leaflet.markercluster.js", "vendor/leaflet.heat/leaflet-heat.js"}

// checkVendored refuses a build that needs a browser library the static
// files lack: the map's when the site has map tiles, the editor's when it
// has the editor. A binary compiled by a plain go build or go install has
// none of them; its sites would otherwise have no interactive map and an
// editor page that loads nothing, with no word said.
func checkVendored(static fs.FS, needMap, needEditor bool) error {
	var want, missing []string
	if needMap {
		want = append(want, mapLibraries...)
	}
	if needEditor {
		want = append(want, strings.TrimPrefix(cms.ScriptPath, "/"), strings.TrimPrefix(cms.ReactChunk, "/"))
		if m, _ := fs.Glob(static, strings.TrimPrefix(cms.ImmutableGlob, "/")); len(m) == 0 {
			missing = append(missing, strings.TrimPrefix(cms.ImmutableGlob, "/"))
		}
	}
	for _, name := range want {
		if _, err := fs.Stat(static, name); err != nil {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("this artsmap was built without its browser libraries (static/%s is missing, with %d more): "+
		"they are copied from npm when the program is compiled. In a clone of the repository run make build "+
		"(or make vendor, then go build ./cmd/artsmap); a plain go build or go install cannot include them",
		missing[0], len(missing)-1)
}
