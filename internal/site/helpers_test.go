package site

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testNow is the fixed clock of every test build. It must not be earlier
// than any date content/ records as past (the evidence synopses were
// checked on 2026-12-07), or TestRealSite sees "in the future" warnings.
var testNow = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// txtarSite reads testdata/<name>.txtar into a site file system.
func txtarSite(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// build builds fsys into a new temporary folder and returns it.
func build(t *testing.T, fsys fs.FS) (string, Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Site: fsys, Theme: artsmap.Theme, Out: out, Now: testNow})
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	return out, res
}

// preparedSite loads fsys and binds the built-in layouts, as a build does
// before it makes any file.
func preparedSite(t *testing.T, fsys fs.FS) (*Site, templates) {
	t.Helper()
	s, ts, _ := prepared(t, fsys)
	return s, ts
}

// prepared is preparedSite with the static files found.
func prepared(t *testing.T, fsys fs.FS) (*Site, templates, fs.FS) {
	t.Helper()
	opts := Options{Site: fsys, Theme: artsmap.Theme, Now: testNow}
	s, probs := load(opts)
	if s == nil || probs.Errors() > 0 {
		t.Fatalf("loading the site: %v", probs.Err())
	}
	ts, _, static, err := prepare(s, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, ts, static
}

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == keysName { // the keys note times, and are not published
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// grepTree lists the files of tree that contain needle (case-insensitive).
func grepTree(tree map[string][]byte, needle string) []string {
	var hits []string
	n := bytes.ToLower([]byte(needle))
	for name, data := range tree {
		if bytes.Contains(bytes.ToLower(data), n) {
			hits = append(hits, name)
		}
	}
	return hits
}

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./internal/site -update and review the diff):\n%s", name, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + a + "\n  got: " + b
		}
	}
	return ""
}
