//go:build unix

package site

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"artsmap"
)

// TestLiveNamedPipe puts a named pipe with no writer among the pages of a
// site on disk, read as serve reads it: the live preview does not hang on
// it, and names it.
func TestLiveNamedPipe(t *testing.T) {
	dir := t.TempDir()
	for name, f := range txtarSite(t, "fellside") {
		writeFiles(t, dir, map[string]string{name: string(f.Data)})
	}
	pipe := filepath.Join(dir, "content", "pages", "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	defer func() { // lets the abandoned read finish
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}()
	// serve reads the site through Folder, which refuses the pipe before
	// opening it: the error comes at once, not when the load limit ends.
	start := time.Now()
	_, res, err := NewLive(Options{Site: Folder(dir), Theme: artsmap.Theme, Now: testNow, LoadLimit: 20 * time.Second})
	took := time.Since(start)
	t.Logf("NewLive returned in %v", took)
	if took > 10*time.Second || err == nil {
		t.Fatalf("NewLive = %v after %v, want an error well within the limit", err, took)
	}
	named := false
	for _, p := range res.Problems {
		named = named || p.Path == "content/pages/pipe.md" && !p.Warning
	}
	if !named {
		t.Errorf("no error names the pipe: %+v", res.Problems)
	}
}
