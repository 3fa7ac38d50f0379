package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"artsmap/internal/synth"
)

// TestMain runs the real main when the test binary is started by a test
// below as the artsmap command, so that signals reach it as they would.
//
// The tests' builds keep their cache in a folder of their own, removed
// at the end, not in the user's cache folder.
func TestMain(m *testing.M) {
	if os.Getenv("ARTSMAP_RUN_MAIN") == "1" {
		main()
	}
	cache, err := os.MkdirTemp("", "artsmap-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("ARTSMAP_CACHE", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

// TestCacheDir: ARTSMAP_CACHE names the cache folder, "off" turns it off,
// and without it the cache is in the user's cache folder.
func TestCacheDir(t *testing.T) {
	t.Setenv("ARTSMAP_CACHE", "off")
	if got := cacheDir(); got != "" {
		t.Errorf("ARTSMAP_CACHE=off: %q", got)
	}
	t.Setenv("ARTSMAP_CACHE", "/some/where")
	if got := cacheDir(); got != "/some/where" {
		t.Errorf("ARTSMAP_CACHE=/some/where: %q", got)
	}
	t.Setenv("ARTSMAP_CACHE", "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	if got := cacheDir(); got != "/xdg/artsmap" {
		t.Errorf("XDG_CACHE_HOME=/xdg: %q", got)
	}
}

// command starts the test binary as "artsmap args...".
func command(args ...string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ARTSMAP_RUN_MAIN=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// TestSignalStopsBuild sends SIGTERM and then Ctrl-C (SIGINT) to builds
// of a large site once they have begun writing: each stops within a
// second, exit 1, and leaves no temporary folder beside the output.
func TestSignalStopsBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(dir, 1000, 1); err != nil { // enough to be still writing when the signal comes
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		cmd, out := command("build", "-site", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForBuildFolder(t, dir)
		cmd.Process.Signal(sig) // a process that already ended fails below
		start := time.Now()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill() // the test has failed already
			t.Fatalf("%v: the build did not stop: %s", sig, out)
		}
		// Within a second on an idle machine; a shared CI machine gets slack.
		took := time.Since(start)
		t.Logf("%v: the build stopped in %v", sig, took)
		if took > 5*time.Second {
			t.Errorf("%v: the build took %v to stop, want about a second", sig, took)
		}
		if code := cmd.ProcessState.ExitCode(); code != exitContent || !strings.Contains(out.String(), "stopped") {
			t.Errorf("%v: exit %d, %q; want 1 and a message saying it stopped", sig, code, out)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "content" {
				t.Errorf("%v: %s was left in the site folder", sig, e.Name())
			}
		}
	}
}

// waitForBuildFolder waits until a build has begun writing into the site folder.
func waitForBuildFolder(t *testing.T, dir string) {
	t.Helper()
	for range 6000 {
		if entries, _ := os.ReadDir(dir); len(entries) > 1 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the build never began writing")
}
