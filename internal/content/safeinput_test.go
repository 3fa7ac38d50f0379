package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// symlink makes path a symbolic link to target.
func symlink(path, target string) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		fsys[path] = &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
}

const (
	linkMsg    = "ignored: a symbolic link is never followed, as it can point at any file of the machine that builds the site"
	linkHintEq = "=replace the link with the file itself"
	convert    = "convert it to PDF"
)

// TestLinksSkipped: a link anywhere in the site is a warning naming it,
// and what it points to is not read.
func TestLinksSkipped(t *testing.T) {
	runRules(t, []rule{
		{"page linked to a private profile", symlink("content/pages/leak.md", "../providers/p/index.md"),
			[]prob{w("content/pages/leak.md", 0, 0, linkMsg, linkHintEq)}, ""},
		{"fact sheet linked outside the site", symlink("content/factsheets/env.md", "/proc/self/environ"),
			[]prob{w("content/factsheets/env.md", 0, 0, linkMsg, linkHintEq)}, ""},
		{"provider folder a link", symlink("content/providers/q", "p"),
			[]prob{w("content/providers/q", 0, 0, linkMsg, linkHintEq)}, ""},
		{"locations.geojson a link", all(remove(locPath), symlink(locPath, "/etc/passwd")),
			[]prob{
				e(providerPath, 28, 11, `venue "hall" is not in locations.geojson`, "add a Feature"),
				w(locPath, 0, 0, linkMsg, linkHintEq),
			}, ""},
		{"learning attachment a link", all(remove("content/learning/pack/full.pdf"), symlink("content/learning/pack/full.pdf", "/etc/passwd")),
			[]prob{
				w("content/learning/pack/full.pdf", 0, 0, linkMsg, linkHintEq),
				e(packPath, 5, 15, `attachment "full.pdf" is not in the folder content/learning/pack`, "put the file beside index.md"),
			}, ""},
		{"boundary file a link", symlink("content/areas/county.geojson", "/etc/passwd"),
			[]prob{w("content/areas/county.geojson", 0, 0, linkMsg, linkHintEq)}, ""},
		{"static file a link", symlink("static/env.txt", "/proc/self/environ"),
			[]prob{w("static/env.txt", 0, 0, linkMsg, linkHintEq)}, ""},
		{"static folder a link", symlink("static", "/etc"),
			[]prob{w("static", 0, 0, linkMsg, linkHintEq)}, ""},
		{"layout a link", symlink("layouts/partials/card.html", "/etc/passwd"),
			[]prob{w("layouts/partials/card.html", 0, 0, linkMsg, linkHintEq)}, ""},
		{"link in a hidden folder, never read", symlink("content/.cache/x", "/etc/passwd"), nil, ""},
		{"site.toml a link", all(remove(cfgPath), put("elsewhere.toml", siteTOML), symlink(cfgPath, "../elsewhere.toml")),
			[]prob{
				e(cfgPath, 0, 0, "content/site.toml is a symbolic link, and links are never followed", "put the site settings file itself"),
				w(cfgPath, 0, 0, linkMsg, linkHintEq),
			}, ""},
	})
}

// TestPublishedTypes: only allowed types, with the content their names
// say, are published from bundles; the rest are errors at the file.
func TestPublishedTypes(t *testing.T) {
	attach := func(name, data string) func(fstest.MapFS) {
		return all(edit(packPath, `file = "full.pdf"`, `file = "`+name+`"`), put("content/learning/pack/"+name, data))
	}
	pdf := "content/learning/pack/full.pdf"
	runRules(t, []rule{
		{"HTML attachment", attach("page.html", "<script src=evil.js></script>"),
			[]prob{e("content/learning/pack/page.html", 0, 0, "HTML files may not be published: only these types are: "+allowedList, convert)}, ""},
		{"script attachment", attach("evil.js", "fetch('/admin/')"),
			[]prob{e("content/learning/pack/evil.js", 0, 0, "JS files may not be published: only these types are: "+allowedList, convert)}, ""},
		{"SVG attachment", attach("chart.svg", "<svg onload=alert(1)/>"),
			[]prob{e("content/learning/pack/chart.svg", 0, 0, "SVG files may not be published: only these types are: "+allowedList, convert)}, ""},
		{"unknown attachment", attach("data.bin", "\x00\x01"),
			[]prob{e("content/learning/pack/data.bin", 0, 0, "BIN files may not be published: only these types are: "+allowedList, convert)}, ""},
		{"PDF that is a web page", put(pdf, "<html><script>alert(1)</script>"),
			[]prob{e(pdf, 0, 0, "the file is named as a PDF but is not one inside (it looks like a web page)", convert)}, ""},
		{"CSV that is a web page", attach("data.csv", "<!doctype html><script>x</script>"),
			[]prob{e("content/learning/pack/data.csv", 0, 0, "the file is named as a CSV table but is not plain text (it looks like a web page)", convert)}, ""},
		{"real CSV", attach("data.csv", "a,b\n1,2\n"), nil, ""},
		{"provider image that is SVG", put("content/providers/p/photo.png", "<svg onload=alert(1)/>"),
			[]prob{e("content/providers/p/photo.png", 0, 0, "the file is named as a PNG image but is not one inside (it looks like SVG)", "save it again as a real PNG image")}, ""},
		{"unlisted HTML stays private", put("content/learning/pack/notes.html", "<script></script>"), nil, ""},
		{"attachment too large", put(pdf, "%PDF-"+strings.Repeat("x", maxBundleFile)),
			[]prob{e(pdf, 0, 0, "the file is 20.1 MB; the limit for a published file is 20 MB", "make it smaller")}, ""},
	})
}

var allowedList = "pdf, docx, xlsx, pptx, odt, ods, odp, epub, rtf, txt, csv, png, jpg, jpeg, gif, webp, avif, mp3, m4a, mp4"

// TestStaticTooLarge: a file of static/ or layouts/ over the limit of any
// file is an error at it, so that check finds what build would fail on.
func TestStaticTooLarge(t *testing.T) {
	runRules(t, []rule{
		{"static file too large", put("static/video.mp4", strings.Repeat("x", MaxFileSize+1)),
			[]prob{e("static/video.mp4", 0, 0, "the file is 20.1 MB; the limit for a file of the site is 20 MB", "make it smaller")}, ""},
		{"static file at the limit", put("static/video.mp4", strings.Repeat("x", MaxFileSize)), nil, ""},
	})
}
