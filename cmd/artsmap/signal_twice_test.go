package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"artsmap/internal/synth"
)

// TestSecondSignalEndsAtOnce sends Ctrl-C twice to a build busy removing
// a large folder an earlier build left (which it finishes, whatever the
// first Ctrl-C): the second ends the process at once, as the user asks.
func TestSecondSignalEndsAtOnce(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	if err := synth.Write(dir, 5, 1); err != nil {
		t.Fatal(err)
	}
	debris := filepath.Join(dir, ".public.artsmap-new-1")
	many := filepath.Join(debris, "many")
	if err := os.MkdirAll(many, 0o755); err != nil {
		t.Fatal(err)
	}
	marker := "artsmap build output: the next artsmap build replaces this whole folder; keep nothing of yours in it.\n" +
		"The top-level names this build wrote (the next build refuses to replace the folder if it holds any other):\nmany\n"
	if err := os.WriteFile(filepath.Join(debris, ".artsmap-output"), []byte(marker), 0o644); err != nil {
		t.Fatal(err)
	}
	const n = 40000
	for i := range n {
		if err := os.WriteFile(filepath.Join(many, fmt.Sprint(i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd, out := command("build", "-site", dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for !removing(many, n) {
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT) // checked by the status below
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Ctrl-C again every 100 ms (a loaded machine may take a moment to
	// act on the first) until the process ends.
	start := time.Now()
	var err error
	for ended := false; !ended; {
		select {
		case err = <-done:
			ended = true
		case <-time.After(100 * time.Millisecond):
			cmd.Process.Signal(syscall.SIGINT) // as above
		}
	}
	left, _ := os.ReadDir(many)
	t.Logf("ended %v after the first Ctrl-C, %d files not yet removed: %v", time.Since(start), len(left), err)
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ws.Signaled() || len(left) == 0 {
		t.Errorf("the build ran on after the second Ctrl-C (status %v, %d files left): %s", err, len(left), strings.TrimSpace(out.String()))
	}
}

// removing reports whether the files of dir have begun to go (it held n).
func removing(dir string, n int) bool {
	f, err := os.Open(dir)
	if err != nil {
		return true
	}
	defer f.Close()
	names, _ := f.Readdirnames(n)
	return len(names) < n
}
