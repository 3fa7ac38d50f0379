package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs "artsmap serve" on a copy of the site and returns its address.
func startServe(t *testing.T) (dir, base string, stderr *syncBuffer) {
	t.Helper()
	dir = copySite(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	stderr = &syncBuffer{}
	done := make(chan int)
	go func() {
		m := NewMain(&out, stderr)
		done <- m.Run(ctx, []string{"serve", "-site", dir, "-addr", "127.0.0.1:0"})
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve exited with %d after Ctrl-C", code)
		}
	})
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			return dir, "http://" + m[1], stderr
		}
	}
	t.Fatalf("serve did not start: %s %s", out.String(), stderr.String())
	return
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// eventually polls the page until it contains want, for up to 60 seconds:
// a rebuild on a machine busy with other tests can take several (one took
// more than 5 s under CI). It checks what is shown, not how fast.
func eventually(t *testing.T, url, want string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, body := get(t, url); strings.Contains(body, want) {
			return
		}
	}
	t.Fatalf("%s never showed %q", url, want)
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServe edits a profile, breaks it, mends it and adds a provider,
// watching the served site and the events the browser gets.
func TestServe(t *testing.T) {
	dir, base, stderr := startServe(t)
	res, err := http.Get(base + "/_artsmap/events")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	events := bufio.NewReader(res.Body)
	profile := filepath.Join(dir, "content", "providers", "mindsong", "index.md")
	src, _ := os.ReadFile(profile)
	original := string(src)
	nextEvent := func() string {
		for {
			line, err := events.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if name, ok := strings.CutPrefix(line, "event: "); ok {
				return strings.TrimSpace(name)
			}
		}
	}

	writeFile(t, profile, strings.Replace(original, `name = "Mindsong"`, `name = "Mindsong Edited"`, 1))
	eventually(t, base+"/providers/mindsong/", "Mindsong Edited")
	if ev := nextEvent(); ev != "reload" {
		t.Errorf("event %q after an edit, want reload", ev)
	}
	if _, body := get(t, base+"/providers/mindsong/"); !strings.Contains(body, "/_artsmap/live.js") {
		t.Error("pages do not load the live-reload script")
	}

	writeFile(t, profile, strings.Replace(original, `kind = "organisation"`, `kind = "organization"`, 1))
	if ev := nextEvent(); ev != "problems" {
		t.Errorf("event %q after a mistake, want problems", ev)
	}
	if _, body := get(t, base+"/providers/mindsong/"); !strings.Contains(body, "Mindsong Edited") {
		t.Error("the last good page is not served after a mistake")
	}
	if !strings.Contains(stderr.String(), `content/providers/mindsong/index.md:3:8: kind "organization" is not allowed`) {
		t.Errorf("the terminal does not show the problem:\n%s", stderr.String())
	}

	writeFile(t, profile, original)
	eventually(t, base+"/providers/mindsong/", "<h1 id=\"profile-title\">Mindsong</h1>")

	writeFile(t, filepath.Join(dir, "content", "providers", "newbie", "index.md"),
		"+++\nname = \"Newbie Arts\"\nkind = \"freelance\"\nsummary = \"New.\"\nstatus = \"emerging\"\ndistricts = [\"stroud\"]\npathways = [\"dementia\"]\nartforms = [\"singing\"]\nreviewed = 2026-11-01\n+++\nHello.\n")
	eventually(t, base+"/providers/newbie/", "Newbie Arts")
	eventually(t, base+"/providers/", "Newbie Arts")
	if code, _ := get(t, base+"/no-such-page/"); code != http.StatusNotFound {
		t.Errorf("missing page: status %d", code)
	}
}
