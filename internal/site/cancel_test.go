package site

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/synth"
)

// blockingFS never finishes opening one file, as a named pipe with no
// writer does.
type blockingFS struct {
	fs.FS
	name    string
	release chan struct{}
}

func (b blockingFS) Open(name string) (fs.File, error) {
	if name == b.name {
		<-b.release
	}
	return b.FS.Open(name)
}

// TestCancelWhileReading stops a check and a build whose load is stuck on
// a read that never ends: both return within a second of the cancel.
func TestCancelWhileReading(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	fsys := blockingFS{txtarSite(t, "fellside"), "content/pages/about.md", release}
	for _, run := range []struct {
		name string
		do   func(Options) (Result, error)
	}{{"check", Check}, {"build", Build}} {
		out := filepath.Join(t.TempDir(), "public")
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(200*time.Millisecond, cancel)
		start := time.Now()
		_, err := run.do(Options{Site: fsys, Theme: artsmap.Theme, Out: out, Now: testNow, Context: ctx})
		if took := time.Since(start); took > 1200*time.Millisecond || !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v after %v, want a cancelled error within a second of the cancel", run.name, err, took)
		}
		assertNothingBeside(t, out, false)
	}
}

// TestCancelWhileWriting cancels the build of a large site once it has
// begun writing: it returns within a second, removes the new folder and
// leaves the previous output as it was.
func TestCancelWhileWriting(t *testing.T) {
	fsys := synth.Site(1000, 1) // enough to be still writing when the cancel comes
	out := filepath.Join(t.TempDir(), "public")
	writeFiles(t, out, map[string]string{MarkerName: string(markerFor([]string{"index.html"})), "index.html": "previous"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		_, err := Build(Options{Site: fsys, Theme: artsmap.Theme, Out: out, Now: testNow, Context: ctx})
		errc <- err
	}()
	waitForTemp(t, out)
	cancel()
	start := time.Now()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "stopped") {
			t.Errorf("err = %v, want a stopped build", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the build did not stop")
	}
	// Within a second on an idle machine; a shared CI machine gets slack.
	took := time.Since(start)
	t.Logf("the build stopped in %v", took)
	if took > 5*time.Second {
		t.Errorf("the build took %v to stop, want about a second", took)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "previous" {
		t.Errorf("the previous output changed: index.html = %.40q", data)
	}
	assertNothingBeside(t, out, true)
}

// waitForTemp waits until a build has begun writing beside out.
func waitForTemp(t *testing.T, out string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(filepath.Dir(out))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), tempPrefix(out)) {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the build never began writing")
}

// assertNothingBeside checks that only out (when it should exist) is in
// its parent folder.
func assertNothingBeside(t *testing.T, out string, exists bool) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != filepath.Base(out) || !exists {
			t.Errorf("%s was left beside the output", e.Name())
		}
	}
}

// TestLiveGivesUpOnStuckRead starts a live preview whose load is stuck on
// a read that never ends: it gives up after the load limit, names the
// file, and the next update (the read now answering) starts afresh.
func TestLiveGivesUpOnStuckRead(t *testing.T) {
	release := make(chan struct{})
	fsys := blockingFS{txtarSite(t, "fellside"), "content/pages/about.md", release}
	start := time.Now()
	// The limit leaves room for the next, unblocked load on a busy machine.
	live, res, err := NewLive(Options{Site: fsys, Theme: artsmap.Theme, Now: testNow, LoadLimit: 2 * time.Second})
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("NewLive took %v with a stuck read, want the limit", took)
	}
	if err == nil || len(res.Problems) != 1 || res.Problems[0].Path != "content/pages/about.md" ||
		!strings.Contains(res.Problems[0].Message, "could not be read within 2s") {
		t.Fatalf("NewLive = %v, %+v; want a problem naming content/pages/about.md", err, res.Problems)
	}
	if _, err := live.Get("index.html"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get before any good load = %v, want ErrNotFound", err)
	}
	close(release)
	if _, err := live.Update([]string{"content/pages/about.md"}); err != nil {
		t.Fatalf("the next update failed: %v", err)
	}
	if page, err := live.Get("about/index.html"); err != nil || !strings.Contains(string(page), "<html") {
		t.Errorf("about page after the update: %v", err)
	}
}
