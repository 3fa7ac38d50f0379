package site

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap/internal/sitefs"
	"artsmap/internal/synth"
)

// TestKeysSpareUnchangedProfiles: after one profile is edited, the rebuild
// keeps every file made from the other profile alone without making it,
// and makes again those of the edited one.
func TestKeysSpareUnchangedProfiles(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, testNow)
	first := readKeys(out)
	var other, edited int
	for name := range first {
		switch {
		case strings.HasPrefix(name, "providers/breath-choir/"):
			other++
		case strings.HasPrefix(name, "providers/quiet-brush/"):
			edited++
		}
	}
	if other < 3 || edited < 2 { // profile, handout and calendar; profile and handout
		t.Fatalf("the first build keyed %d files of breath-choir and %d of quiet-brush:\n%s", other, edited, keysText(first, nil))
	}
	replaceIn(fsys, "content/providers/quiet-brush/index.md", "low mood.", "low mood and anxiety.")
	res := buildInto(t, fsys, out, testNow)
	keys := planOf(t, fsys).keyAll()
	var want int
	for name := range keys {
		if !strings.Contains(name, "quiet-brush") && first[name].key == keys[name] {
			want++
		}
	}
	if res.Reused != want || want < other {
		t.Errorf("kept %d files unmade, want the %d keyed files not made from quiet-brush", res.Reused, want)
	}
}

// TestRebuildRestoresFileChangedByHand: a keyed file changed in the output
// since the build noted it is made again and put right, though its key is
// unchanged; so is one whose keys line was tampered with.
func TestRebuildRestoresFileChangedByHand(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, testNow)
	profile := filepath.Join(out, "providers", "breath-choir", "index.html")
	if err := os.WriteFile(profile, []byte("changed by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	handout := filepath.Join(out, "providers", "breath-choir", "handout", "index.html")
	if err := os.WriteFile(handout, []byte("a different handout"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(handout)
	if err != nil {
		t.Fatal(err)
	}
	records := readKeys(out)
	r := records["providers/breath-choir/handout/index.html"]
	r.size, r.mtime = info.Size(), info.ModTime().UnixNano() // the keys now vouch for the wrong bytes
	r.key[0]++                                               // but under another key
	records["providers/breath-choir/handout/index.html"] = r
	if err := os.WriteFile(filepath.Join(out, keysName), keysText(records, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	res := buildInto(t, fsys, out, testNow)
	if res.Written != 2 {
		t.Errorf("wrote %d files, want the 2 changed by hand", res.Written)
	}
	clean := filepath.Join(t.TempDir(), "clean")
	buildInto(t, fsys, clean, testNow)
	diffTrees(t, clean, out)
}

// TestKeysFileLines reads back what keysText writes, and leaves out lines
// that are not a key, size, time and a path inside the output.
func TestKeysFileLines(t *testing.T) {
	var k outputKey
	k[0], k[31] = 0xab, 0x01
	records := map[string]keyRecord{"a/index.html": {k, 12, time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC).UnixNano()}}
	dir := t.TempDir()
	writeKeys(dir, keysText(records, nil))
	got := readKeys(dir)
	if len(got) != 1 || got["a/index.html"] != records["a/index.html"] {
		t.Errorf("read back %v, want %v", got, records)
	}
	for _, line := range []string{"", "ab 1 2", "zz 1 2 a", strings.Repeat("0", 64) + " x 2 a",
		strings.Repeat("0", 64) + " 1 2 ../a", strings.Repeat("0", 64) + " 1 2 /a", strings.Repeat("0", 62) + " 1 2 a"} {
		if name, _, ok := parseKeyLine(line); ok {
			t.Errorf("parseKeyLine(%q) read %q", line, name)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, keysName), []byte("not keys\n"+strings.Repeat("0", 64)+" 1 2 a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := readKeys(dir); got != nil {
		t.Errorf("read %v from a file without the heading", got)
	}
}

// FuzzKeyLine: no line of a keys file makes parseKeyLine panic or accept
// a path outside the output.
func FuzzKeyLine(f *testing.F) {
	f.Add(strings.Repeat("ab", 32) + " 10 1700000000000000000 providers/a/index.html")
	f.Add("x y z ../../etc/passwd")
	f.Fuzz(func(t *testing.T, line string) {
		name, _, ok := parseKeyLine(line)
		if ok && (strings.HasPrefix(name, "/") || strings.Contains("/"+name+"/", "/../")) {
			t.Errorf("accepted %q", name)
		}
	})
}

// realSites are this repository's site and a 60-provider synthetic one,
// each with edits of one provider in turn: of fields other pages show
// (its name, districts, contact, venues) and its removal.
func realSites(t *testing.T) (map[string]fstest.MapFS, map[string][]func(fstest.MapFS)) {
	t.Helper()
	sites := map[string]fstest.MapFS{"content": copyContent(t), "synthetic": synth.Site(60, 3)}
	edits := map[string][]func(fstest.MapFS){
		"content": {
			func(fsys fstest.MapFS) {
				replaceIn(fsys, "content/providers/artlift/index.md", `name = "Artlift"`, `name = "Artlift Gloucestershire"`)
			},
			func(fsys fstest.MapFS) {
				replaceIn(fsys, "content/providers/artlift/index.md", `districts = ["gloucester", `, `districts = [`)
			},
			func(fsys fstest.MapFS) {
				replaceIn(fsys, "content/providers/artlift/index.md", `publish_contact = true`, `publish_contact = false`)
			},
			func(fsys fstest.MapFS) {
				replaceIn(fsys, "content/providers/artlift/locations.geojson", "[-2.2465, 51.8618]", "[-2.2401, 51.8650]")
			},
		},
		"synthetic": {
			func(fsys fstest.MapFS) {
				replaceIn(fsys, "content/providers/provider-00007/index.md", `name = "`, `name = "Renamed `)
			},
			func(fsys fstest.MapFS) {
				replaceIn(fsys, "content/providers/provider-00011/locations.geojson", `"name": "Hall`, `"name": "Renamed Hall`)
			},
			func(fsys fstest.MapFS) {
				for name := range fsys {
					if strings.HasPrefix(name, "content/providers/provider-00013/") {
						delete(fsys, name)
					}
				}
			},
		},
	}
	return sites, edits
}

// TestKeysOnRealSites: on the Gloucestershire content (events, evidence,
// areas and postcodes naming providers) and on a 60-provider synthetic
// site, edits of one provider's fields that other pages show (its name,
// districts, conditions, contact, venues) are rebuilt in place with the
// other providers' files kept, and the result is what a clean build
// writes, under diff -r.
func TestKeysOnRealSites(t *testing.T) {
	sites, edits := realSites(t)
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, fsys, out, testNow)
			for i, edit := range edits[name] {
				edit(fsys)
				res := buildInto(t, fsys, out, testNow)
				clean := filepath.Join(t.TempDir(), "clean")
				buildInto(t, fsys, clean, testNow)
				diffTrees(t, clean, out)
				if res.Reused == 0 || res.Written == 0 {
					t.Errorf("edit %d: wrote %d files and kept %d unmade; want some of each", i, res.Written, res.Reused)
				}
			}
		})
	}
}

// copyContent copies the repository's content/ into a site of its own.
func copyContent(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../.."), "content", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(name)))
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestWriteKeysNotThroughALink: keys are not written into a folder that a
// symbolic link has taken the place of.
func TestWriteKeysNotThroughALink(t *testing.T) {
	root := t.TempDir()
	elsewhere := filepath.Join(root, "elsewhere")
	if err := os.Mkdir(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	if err := os.Symlink(elsewhere, out); err != nil {
		t.Fatal(err)
	}
	writeKeys(out, keysText(map[string]keyRecord{"a.html": {size: 1}}, nil))
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("keys written through the link: %v", entries)
	}
}

// TestRebuildRemakesWhatWentDuringIt: files the look into the output
// (taken before the site is loaded, see lookAhead) found unchanged, and
// that were removed or replaced in the output after it, are made after
// all: the rebuild is what a clean build writes.
func TestRebuildRemakesWhatWentDuringIt(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, fsys, out, testNow)
	time.Sleep(sitefs.RacyMargin + 100*time.Millisecond) // the folders' times then show a change
	l := lookAt(out)
	p := planOf(t, fsys)
	p.keys = p.keyAll()
	profile := "providers/breath-choir/index.html"
	handout := "providers/breath-choir/handout/index.html"
	if kept := l.keyed.kept(p.keys); len(kept) == 0 || kept[profile].key != p.keys[profile] || kept[handout].key != p.keys[handout] {
		t.Fatalf("the look keeps %d files, not the profile and its handout", len(kept))
	}
	if err := os.Remove(filepath.Join(out, filepath.FromSlash(profile))); err != nil {
		t.Fatal(err)
	}
	next := filepath.Join(out, filepath.FromSlash(handout)) + ".next"
	if err := errors.Join(os.WriteFile(next, []byte("a different handout"), 0o644), os.Rename(next, filepath.Join(out, filepath.FromSlash(handout)))); err != nil {
		t.Fatal(err)
	}
	p.looked = func() *look { return l }
	if _, _, err := p.write(context.Background(), out, 2); err != nil {
		t.Fatal(err)
	}
	clean := filepath.Join(t.TempDir(), "clean")
	buildInto(t, fsys, clean, testNow)
	diffTrees(t, clean, out)
}
