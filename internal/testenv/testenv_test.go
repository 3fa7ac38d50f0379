package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records whether it was failed or skipped.
type recorder struct {
	testing.TB
	failed, skipped bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Fatal(...any)          { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Skip(...any)           { r.skipped = r.skipped || !r.failed }
func (r *recorder) Skipf(string, ...any)  { r.skipped = r.skipped || !r.failed }

// TestMissing: a missing need fails the test under CI=true and skips it
// otherwise.
func TestMissing(t *testing.T) {
	for _, tt := range []struct {
		ci         string
		fail, skip bool
	}{{"true", true, false}, {"", false, true}, {"false", false, true}} {
		t.Setenv("CI", tt.ci)
		r := &recorder{TB: t}
		Missing(r, "no %s", "tool")
		if r.failed != tt.fail || r.skipped != tt.skip {
			t.Errorf("CI=%q: failed %v, skipped %v; want %v, %v", tt.ci, r.failed, r.skipped, tt.fail, tt.skip)
		}
	}
}

// TestSharedData: a file of shared/data in a folder above is found, as
// from a git worktree; one that is not there is missing (a failure under
// CI=true).
func TestSharedData(t *testing.T) {
	root := t.TempDir()
	want := filepath.Join(root, "shared", "data", "districts.geojson")
	if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(want, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(root, "wt", "house", "internal", "geo")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	t.Setenv("CI", "true")
	r := &recorder{TB: t}
	if p := SharedData(r, "districts.geojson"); p != want || r.failed {
		t.Errorf("SharedData(districts.geojson) = %q, failed %v; want %q", p, r.failed, want)
	}
	r = &recorder{TB: t}
	if p := SharedData(r, "no-such-file.geojson"); p != "" || !r.failed {
		t.Errorf("SharedData of a missing file = %q, failed %v; want \"\", true", p, r.failed)
	}
}

// TestKnownBug: a marked bug skips the test, fails it under CI=true, and
// runs it with ARTSMAP_RUN_BUGS set; no bug does nothing.
func TestKnownBug(t *testing.T) {
	for _, tt := range []struct {
		bug, ci, run string
		fail, skip   bool
	}{
		{"x", "", "", false, true},
		{"x", "true", "", true, false},
		{"x", "true", "1", false, false},
		{"", "true", "", false, false},
	} {
		t.Setenv("CI", tt.ci)
		t.Setenv("ARTSMAP_RUN_BUGS", tt.run)
		r := &recorder{TB: t}
		KnownBug(r, tt.bug)
		if r.failed != tt.fail || r.skipped != tt.skip {
			t.Errorf("%+v: failed %v, skipped %v", tt, r.failed, r.skipped)
		}
	}
}
