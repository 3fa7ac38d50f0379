// Package testenv owns what a test does when something it needs from the
// machine is missing: a tool, a package from npm, or the shared test data.
// Outside CI the test is skipped with the way to get it; under CI=true it
// fails, so that no check is silently left out of a CI run.
package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Missing skips t, or fails it under CI=true, saying what is missing.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("%s (required under CI=true)", msg)
	}
	t.Skip(msg)
}

// InCI reports whether the tests run in CI (CI=true).
func InCI() bool { return os.Getenv("CI") == "true" }

// SharedData returns the path of a file of the shared test data, the
// folder shared/data beside the repository (or beside a folder above it,
// as for a git worktree), read where it lies and never copied into the
// repository. Without it the test is skipped, or fails under CI=true.
func SharedData(t testing.TB, name string) string {
	t.Helper()
	start, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for dir := start; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared", "data", name)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	Missing(t, "no shared test data %s in a folder shared/data above %s", name, start)
	return ""
}

// KnownBug skips a test of a known bug (bug says what it is), unless
// ARTSMAP_RUN_BUGS is set (run with ARTSMAP_RUN_BUGS=1 to see which bugs are
// still there). Under CI=true it fails: no test is skipped in CI, and an
// open bug marked in a test fails the run until it is fixed. An empty bug
// does nothing.
func KnownBug(t testing.TB, bug string) {
	t.Helper()
	if bug == "" || os.Getenv("ARTSMAP_RUN_BUGS") != "" {
		return
	}
	Missing(t, "BUG: %s", bug)
}
