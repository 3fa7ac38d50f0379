package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRebuildRepairsKilledCommit stops a rebuild's commit at each of its
// points, as a kill would, after a first build and edits that change, add
// and remove files; then builds again. The output is the clean
// build's, byte for byte, whatever the point (and also when the kill came
// while the new marker was half written).
func TestRebuildRepairsKilledCommit(t *testing.T) {
	v2, clean, v1Files := editedFellside(t, 2, 1, 3) // a provider added, another removed, site.toml changed
	first := filepath.Join(t.TempDir(), "public")
	writeFiles(t, first, v1Files)
	p := planOf(t, v2)
	var points []string // every point of the commit, in order
	p.kill = func(point string) bool { points = append(points, point); return false }
	if _, _, err := p.write(context.Background(), first, 2); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, point := range points {
		kinds[strings.Fields(point)[0]] = true
	}
	if len(kinds) != 4 { // marker, remove, rename, final
		t.Fatalf("the commit's points are %v; want some of each kind", points)
	}
	for i, point := range points {
		if i%50 != 0 && i != len(points)-1 && i != len(points)-2 && !strings.HasPrefix(points[max(i-1, 0)], "remove") {
			continue // the first point, each removal but the first, the first rename, the last two, and every fiftieth
		}
		for _, halfMarker := range slices.Compact([]bool{false, i%100 == 0}) {
			out := filepath.Join(t.TempDir(), "public")
			writeFiles(t, out, v1Files)
			n := 0
			p.kill = func(string) bool { n++; return n == i+1 }
			if _, _, err := p.write(context.Background(), out, 2); !errors.Is(err, errKilled) {
				t.Fatalf("killed at %s: %v", point, err)
			}
			if halfMarker {
				writeFiles(t, out, map[string]string{markerNext: markerText[:20]})
			}
			buildInto(t, v2, out, testNow)
			diffTrees(t, clean, out)
			if t.Failed() {
				t.Fatalf("after a kill at %s (half a marker: %v), the next build did not repair the output", point, halfMarker)
			}
			if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
				t.Errorf("after a kill at %s: beside the output: %v, want nothing", point, entries)
			}
		}
	}
}

// TestOldMarkerIsReplacedWhole: an output of an artsmap before it rebuilt
// in place (its marker lists top-level names) is replaced whole, as then.
func TestOldMarkerIsReplacedWhole(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out := filepath.Join(t.TempDir(), "public")
	writeFiles(t, out, map[string]string{
		MarkerName:       markerText + topHeading + "providers\nindex.html\n",
		"index.html":     "old",
		"providers/x/y":  "old",
		"providers/z.js": "old",
	})
	buildInto(t, fsys, out, testNow)
	clean := filepath.Join(t.TempDir(), "clean")
	buildInto(t, fsys, clean, testNow)
	diffTrees(t, clean, out)
}

// TestRebuildSwapsFilesAndFolders rebuilds plans where a file becomes a
// folder of the same name and a folder a file: the result is what a clean
// build writes.
func TestRebuildSwapsFilesAndFolders(t *testing.T) {
	plans := []map[string]string{
		{"a": "file a", "b/index.html": "in folder b", "b/c/d.txt": "deep", "e.txt": "kept"},
		{"a/index.html": "in folder a", "b": "file b", "e.txt": "kept"},
	}
	planned := func(files map[string]string) *plan {
		p := newPlan()
		for name, data := range files {
			if err := p.add(name, func() ([]byte, error) { return []byte(data), nil }); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	out := filepath.Join(t.TempDir(), "public")
	for _, files := range plans {
		if _, _, err := planned(files).write(context.Background(), out, 2); err != nil {
			t.Fatal(err)
		}
	}
	clean := filepath.Join(t.TempDir(), "clean")
	if _, _, err := planned(plans[1]).write(context.Background(), clean, 2); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, clean, out)
}

// TestRebuildRefusesLinksInside: a symbolic link inside a previous output,
// in place of a file the marker lists or of a folder, is refused, not
// followed; what it points to and the output are left as they were.
func TestRebuildRefusesLinksInside(t *testing.T) {
	for _, name := range []string{"about/index.html", "about"} {
		t.Run(name, func(t *testing.T) {
			fsys := txtarSite(t, "fellside")
			root := t.TempDir()
			out := filepath.Join(root, "public")
			buildInto(t, fsys, out, testNow)
			writeFiles(t, root, map[string]string{"precious/index.html": "mine"})
			if err := os.RemoveAll(filepath.Join(out, name)); err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(root, "precious", strings.TrimPrefix(name, "about"))
			if err := os.Symlink(target, filepath.Join(out, name)); err != nil {
				t.Fatal(err)
			}
			before := snap(t, out)
			replaceIn(fsys, "content/site.toml", "Fellside Creative Health Directory", "Changed")
			_, err := Build(options(fsys, out))
			if err == nil || !strings.Contains(err.Error(), "did not write: "+name) {
				t.Errorf("build = %v, want the link refused", err)
			}
			sameTree(t, before, snap(t, out))
			if data, _ := os.ReadFile(filepath.Join(root, "precious", "index.html")); string(data) != "mine" {
				t.Errorf("the file the link points to now holds %q", data)
			}
		})
	}
}

// TestRebuildRemovesNothingOutside: a marker is anyone's to write, so one
// that lists paths outside the output (../victim.txt, /tmp/x) or an empty
// name gets nothing outside it removed.
func TestRebuildRemovesNothingOutside(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	root := t.TempDir()
	out := filepath.Join(root, "public")
	buildInto(t, fsys, out, testNow)
	victim := filepath.Join(root, "victim.txt")
	writeFiles(t, root, map[string]string{"victim.txt": "mine"})
	marker, err := os.ReadFile(filepath.Join(out, MarkerName))
	if err != nil {
		t.Fatal(err)
	}
	marker = append(marker, []byte("../victim.txt\n"+victim+"\n./../victim.txt\n\n")...)
	writeFiles(t, out, map[string]string{MarkerName: string(marker)})
	buildInto(t, fsys, out, testNow)
	if data, err := os.ReadFile(victim); string(data) != "mine" {
		t.Errorf("victim.txt: %q, %v; want it kept", data, err)
	}
}

// TestSameBytes compares files with bytes: only a regular file with
// exactly those bytes is the same, however many chunks it is read in.
func TestSameBytes(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("0123456789", 20000) // several chunks
	writeFiles(t, dir, map[string]string{"empty": "", "small": "abc", "big": big})
	if err := os.Symlink("small", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, data string
		want       bool
	}{
		{"empty", "", true},
		{"empty", "a", false},
		{"small", "abc", true},
		{"small", "abd", false},
		{"small", "ab", false},
		{"small", "abcd", false},
		{"big", big, true},
		{"big", big[:len(big)-1] + "x", false},
		{"big", "x" + big[1:], false},
		{"link", "abc", false},
		{"missing", "", false},
		{".", "", false},
	} {
		buf := make([]byte, 1000)
		if got := sameBytes(filepath.Join(dir, tt.name), []byte(tt.data), &buf); got != tt.want {
			t.Errorf("sameBytes(%s, %.10q…) = %v, want %v", tt.name, tt.data, got, tt.want)
		}
	}
}

// TestRebuildRewritesMarker: a previous output whose files are all in
// place but whose marker lists them otherwise (here in reverse order, as
// another version might) gets the marker a clean build writes.
func TestRebuildRewritesMarker(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, testNow)
	marker, err := os.ReadFile(filepath.Join(out, MarkerName))
	if err != nil {
		t.Fatal(err)
	}
	head, list, _ := strings.Cut(string(marker), filesHeading)
	lines := strings.Split(strings.TrimSuffix(list, "\n"), "\n")
	slices.Reverse(lines)
	writeFiles(t, out, map[string]string{MarkerName: head + filesHeading + strings.Join(lines, "\n") + "\n"})
	buildInto(t, fsys, out, testNow)
	clean := filepath.Join(t.TempDir(), "clean")
	buildInto(t, fsys, clean, testNow)
	diffTrees(t, clean, out)
}

// TestCommitRefusesLinkPlantedDuringIt: a folder of the output replaced by
// a symbolic link after the walk that checks for links, while the commit
// runs, is refused at the next rename into it; the folder the link points
// to is untouched.
func TestCommitRefusesLinkPlantedDuringIt(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	root := t.TempDir()
	out := filepath.Join(root, "public")
	buildInto(t, fsys, out, testNow)
	writeFiles(t, root, map[string]string{"precious/index.html": "mine"})
	replaceIn(fsys, "content/site.toml", "Fellside Creative Health Directory", "Changed")
	p := planOf(t, fsys)
	planted := ""
	p.kill = func(point string) bool {
		name, ok := strings.CutPrefix(point, "rename ")
		if dir, _, sub := strings.Cut(name, "/"); ok && sub && planted == "" {
			planted = dir
			if err := os.RemoveAll(filepath.Join(out, dir)); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(root, "precious"), filepath.Join(out, dir)); err != nil {
				t.Fatal(err)
			}
		}
		return false
	}
	_, _, err := p.write(context.Background(), out, 2)
	if err == nil || !strings.Contains(err.Error(), "became a symbolic link") {
		t.Errorf("commit after %s became a link = %v, want it refused", planted, err)
	}
	entries, _ := os.ReadDir(filepath.Join(root, "precious"))
	if data, _ := os.ReadFile(filepath.Join(root, "precious", "index.html")); len(entries) != 1 || string(data) != "mine" {
		t.Errorf("the folder the link points to now holds %d entries, index.html %q", len(entries), data)
	}
}

// TestCommitOfSamePathsWritesNoMarker: a rebuild that adds no file and
// removes none (a profile edited) renames its changed files in place and
// leaves the marker as it is; a kill after any rename, in an output whose
// keys file vouches for each file, leaves an output the next build
// repairs, byte for byte.
func TestCommitOfSamePathsWritesNoMarker(t *testing.T) {
	v2, clean, v1Files := editedFellside(t, 0) // a profile edited
	p := planOf(t, v2)
	var points []string
	p.kill = func(point string) bool { points = append(points, point); return false }
	out := filepath.Join(t.TempDir(), "public")
	writeFiles(t, out, v1Files)
	before, err := os.Lstat(filepath.Join(out, MarkerName))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := p.write(context.Background(), out, 2); err != nil {
		t.Fatal(err)
	}
	if after, err := os.Lstat(filepath.Join(out, MarkerName)); err != nil || !os.SameFile(before, after) {
		t.Errorf("the marker was written again (%v)", err)
	}
	if len(points) < 2 || slices.ContainsFunc(points, func(p string) bool { return !strings.HasPrefix(p, "rename ") }) {
		t.Fatalf("the commit's points are %v, want renames alone", points)
	}
	diffTrees(t, clean, out)
	v1 := txtarSite(t, "fellside")
	for i := range points {
		out := filepath.Join(t.TempDir(), "public")
		buildInto(t, v1, out, testNow) // its keys file vouches for each file, by its time
		n := 0
		p.kill = func(string) bool { n++; return n == i+1 }
		if _, _, err := p.write(context.Background(), out, 2); !errors.Is(err, errKilled) {
			t.Fatalf("killed at %s: %v", points[i], err)
		}
		buildInto(t, v2, out, testNow)
		diffTrees(t, clean, out)
		if t.Failed() {
			t.Fatalf("after a kill at %s, the next build did not repair the output", points[i])
		}
	}
}

// editedFellside is Fellside with the edits of the given indexes made
// (v2), the folder of a clean build of it, and the files of a build of
// Fellside as it was, by path.
func editedFellside(t *testing.T, edited ...int) (v2 fstest.MapFS, clean string, v1Files map[string]string) {
	t.Helper()
	v2 = txtarSite(t, "fellside")
	for _, i := range edited {
		edits[i].edit(v2)
	}
	clean = filepath.Join(t.TempDir(), "clean")
	buildInto(t, v2, clean, testNow)
	first := filepath.Join(t.TempDir(), "public")
	buildInto(t, txtarSite(t, "fellside"), first, testNow)
	v1Files = map[string]string{}
	for name, data := range readTree(t, first) {
		v1Files[name] = string(data)
	}
	return v2, clean, v1Files
}
