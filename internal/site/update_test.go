package site

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap"
)

// longAgo is the time the tests give every file of a first build, so that
// a file a rebuild writes again, even with the same bytes, shows it.
var longAgo = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// edits are the changes a rebuild in place must follow, each made to the
// Fellside site after a first build.
// reuse says whether the rebuild may keep files unmade (see outputKeys):
// only when no input every profile shows changed.
var edits = []struct {
	name  string
	edit  func(fsys fstest.MapFS)
	now   time.Time // the rebuild's clock; zero is testNow
	reuse bool
}{
	{"one profile edited", func(fsys fstest.MapFS) {
		replaceIn(fsys, "content/providers/quiet-brush/index.md", "low mood.", "low mood and anxiety.")
	}, time.Time{}, true},
	{"a provider removed", func(fsys fstest.MapFS) {
		delete(fsys, "content/providers/quiet-brush/index.md")
	}, time.Time{}, true},
	{"a provider added", func(fsys fstest.MapFS) {
		data := strings.Replace(string(fsys["content/providers/quiet-brush/index.md"].Data), "Quiet Brush", "Loud Brush", 1)
		fsys["content/providers/loud-brush/index.md"] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}, time.Time{}, true},
	{"a venue moved", func(fsys fstest.MapFS) {
		replaceIn(fsys, "content/providers/breath-choir/locations.geojson", "[-2.75, 54.66]", "[-2.70, 54.60]")
	}, time.Time{}, true},
	{"a venue file added", func(fsys fstest.MapFS) {
		fsys["content/providers/quiet-brush/locations.geojson"] = &fstest.MapFile{Mode: 0o644, Data: []byte(
			`{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "studio", ` +
				`"geometry": {"type": "Point", "coordinates": [-2.8, 54.7]}, "properties": {"name": "The Studio"}}]}`)}
	}, time.Time{}, true},
	{"an event edited", func(fsys fstest.MapFS) {
		replaceIn(fsys, "content/events/gathering.md", "with tea.", "with tea and cake.")
	}, time.Time{}, false},
	{"a glossary term edited", func(fsys fstest.MapFS) {
		replaceIn(fsys, "content/factsheets/key-terms.md", "suits them.", "suits them well.")
	}, time.Time{}, false},
	{"a static file added", func(fsys fstest.MapFS) {
		fsys["static/css/extra.css"] = &fstest.MapFile{Data: []byte("p { margin: 0 }\n"), Mode: 0o644}
	}, time.Time{}, false},
	{"site.toml changed", func(fsys fstest.MapFS) {
		replaceIn(fsys, "content/site.toml", "Fellside Creative Health Directory", "Fellside and Border Creative Health")
	}, time.Time{}, false},
	{"a layout changed", func(fsys fstest.MapFS) {
		data, _ := fs.ReadFile(artsmap.Theme, "layouts/partials/cards.html")
		data = bytes.Replace(data, []byte(`<p class="card-summary">`), []byte(`<p class="card-summary edited">`), 1)
		fsys["layouts/partials/cards.html"] = &fstest.MapFile{Data: data, Mode: 0o644}
	}, time.Time{}, false},
	{"a year later", func(fstest.MapFS) {}, testNow.AddDate(1, 0, 0), false},
}

// TestRebuildMatchesCleanBuild builds the Fellside site, makes one edit,
// rebuilds into the same folder, builds clean into another and compares
// the two with diff -r: byte-identical, nothing left over. The rebuild
// wrote exactly the files whose bytes changed (the others keep their
// modification time) and removed exactly those that went away.
func TestRebuildMatchesCleanBuild(t *testing.T) {
	for _, tt := range edits {
		t.Run(tt.name, func(t *testing.T) {
			fsys := txtarSite(t, "fellside")
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, fsys, out, testNow)
			before := snap(t, out)
			tt.edit(fsys)
			now := tt.now
			if now.IsZero() {
				now = testNow
			}
			res := buildInto(t, fsys, out, now)
			clean := filepath.Join(t.TempDir(), "clean")
			buildInto(t, fsys, clean, now)
			diffTrees(t, clean, out)
			after := snap(t, out)
			written, removed := changes(t, before, after)
			if res.Written != written || res.Removed != removed || written == 0 {
				t.Errorf("the rebuild says it wrote %d and removed %d files; %d changed and %d went away", res.Written, res.Removed, written, removed)
			}
			if tt.reuse != (res.Reused > 0) {
				t.Errorf("the rebuild kept %d files without making them; want some: %v", res.Reused, tt.reuse)
			}
		})
	}
}

// TestRebuildOfSameSiteWritesNothing: a rebuild of an unchanged site
// writes no file, the marker included.
func TestRebuildOfSameSiteWritesNothing(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, testNow)
	before := snap(t, out)
	if res := buildInto(t, fsys, out, testNow); res.Written != 0 || res.Removed != 0 {
		t.Errorf("wrote %d and removed %d files, want none", res.Written, res.Removed)
	}
	sameTree(t, before, snap(t, out))
}

// TestFailedRebuildLeavesOutput: a rebuild that fails, whether on content,
// a layout, a file it cannot make, a stop or a file in the output that
// the build did not write, leaves the previous output byte for byte, with
// the same modification times, and nothing beside it.
func TestFailedRebuildLeavesOutput(t *testing.T) {
	for _, tt := range []struct {
		name    string
		rebuild func(t *testing.T, fsys fstest.MapFS, out string) error
	}{
		{"content error", func(t *testing.T, fsys fstest.MapFS, out string) error {
			replaceIn(fsys, "content/providers/quiet-brush/index.md", `status = "emerging"`, `status = 3`)
			_, err := Build(options(fsys, out))
			return err
		}},
		{"layout error", func(t *testing.T, fsys fstest.MapFS, out string) error {
			data, _ := fs.ReadFile(artsmap.Theme, "layouts/partials/cards.html")
			data = bytes.Replace(data, []byte(`{{.Summary}}`), []byte(`{{.NoSuchField}}`), 1)
			fsys["layouts/partials/cards.html"] = &fstest.MapFile{Data: data, Mode: 0o644}
			_, err := Build(options(fsys, out))
			return err
		}},
		{"a file that cannot be made", func(t *testing.T, fsys fstest.MapFS, out string) error {
			replaceIn(fsys, "content/site.toml", "Fellside Creative Health Directory", "Changed")
			p := planOf(t, fsys)
			p.files["zz-last.json"] = func() ([]byte, error) { return nil, errors.New("cannot") }
			_, _, err := p.write(context.Background(), out, 2)
			return err
		}},
		{"stopped while writing", func(t *testing.T, fsys fstest.MapFS, out string) error {
			replaceIn(fsys, "content/site.toml", "Fellside Creative Health Directory", "Changed")
			p := planOf(t, fsys)
			ctx, cancel := context.WithCancel(context.Background())
			p.files["zz-last.json"] = func() ([]byte, error) { cancel(); return []byte("{}"), nil }
			_, _, err := p.write(ctx, out, 2)
			return err
		}},
		{"a file of someone else's", func(t *testing.T, fsys fstest.MapFS, out string) error {
			replaceIn(fsys, "content/site.toml", "Fellside Creative Health Directory", "Changed")
			writeFiles(t, out, map[string]string{"providers/notes.txt": "mine"})
			_, err := Build(options(fsys, out))
			return err
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := txtarSite(t, "fellside")
			root := t.TempDir()
			out := filepath.Join(root, "public")
			buildInto(t, fsys, out, testNow)
			before := snap(t, out)
			if err := tt.rebuild(t, fsys, out); err == nil {
				t.Fatal("the rebuild did not fail")
			}
			after := snap(t, out)
			delete(after, "providers/notes.txt")
			sameTree(t, before, after)
			if entries, _ := os.ReadDir(root); len(entries) != 1 {
				t.Errorf("beside the output: %v, want nothing", entries)
			}
		})
	}
}

func options(fsys fs.FS, out string) Options {
	return Options{Site: fsys, Theme: artsmap.Theme, Out: out, Now: testNow}
}

// buildInto builds fsys into out at the clock now.
func buildInto(t *testing.T, fsys fs.FS, out string, now time.Time) Result {
	t.Helper()
	opts := options(fsys, out)
	opts.Now = now
	res, err := Build(opts)
	if err != nil {
		t.Fatalf("build into %s: %v", out, err)
	}
	return res
}

// planOf plans the build of fsys.
func planOf(t *testing.T, fsys fs.FS) *plan {
	t.Helper()
	p, _, err := planSite(options(fsys, ""))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func replaceIn(fsys fstest.MapFS, name, old, new string) {
	f := fsys[name]
	if !bytes.Contains(f.Data, []byte(old)) {
		panic(name + " does not hold " + old)
	}
	fsys[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1), Mode: f.Mode}
}

// file is one file of a snapshot.
type file struct {
	data  string
	mtime time.Time
}

// snap reads every regular file under dir (links are left out) and its
// modification time. It changes nothing: a rebuild trusts the keys file
// (keyfile.go) only for files whose time is the one it noted.
func snap(t *testing.T, dir string) map[string]file {
	t.Helper()
	files := map[string]file{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = file{string(data), info.ModTime()}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameTree fails unless two snapshots hold the same files with the same
// bytes, and none was written after the first (its time is unchanged).
func sameTree(t *testing.T, before, after map[string]file) {
	t.Helper()
	for name, b := range before {
		if a, ok := after[name]; !ok || a.data != b.data || !a.mtime.Equal(b.mtime) {
			t.Errorf("%s was changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s was added", name)
		}
	}
}

// changes counts the files of after that are new or changed, failing on
// one with the same bytes that was written again, and the files that went
// away. The marker and the keys file are not counted.
func changes(t *testing.T, before, after map[string]file) (written, removed int) {
	t.Helper()
	for name, a := range after {
		b, ok := before[name]
		switch {
		case name == MarkerName, name == keysName:
		case ok && a.data == b.data && !a.mtime.Equal(b.mtime):
			t.Errorf("%s has the same bytes but was written again", name)
		case !ok || a.data != b.data:
			written++
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			removed++
		}
	}
	return written, removed
}

// diffTrees runs diff -r on two folders and fails on any difference but
// in the keys file, which notes each file's modification time (and is not
// published).
func diffTrees(t *testing.T, want, got string) {
	t.Helper()
	out, err := exec.Command("diff", "-r", "-x", keysName, want, got).CombinedOutput()
	if err != nil {
		t.Errorf("diff -r %s %s: %v\n%.2000s", want, got, err, out)
	}
}
