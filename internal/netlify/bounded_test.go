package netlify

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadBounded gives netlify.toml files that took seconds to parse, or
// that a site's view of its folder refuses: each is an error in plain
// words naming the file (and the line where it can), returned at once.
func TestLoadBounded(t *testing.T) {
	deep := strings.Repeat("{a=", 16<<10/3)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"16 KB of nested inline tables", "x = " + deep, []string{"netlify.toml:1:", "nested", "at most 8 levels"}},
		{"nested arrays", "x = " + strings.Repeat("[", 5000), []string{"netlify.toml:1:", "nested"}},
		{"over 64 KB", "# " + strings.Repeat("x", 70<<10) + "\n", []string{"netlify.toml is 70 KB; at most 64 KB"}},
		{"a syntax error", "[[headers]]\n  for = \"/*\n", []string{"netlify.toml:2:9: this text has no closing quote", "end the text with a quote"}},
		{"a wrong type", "headers = 5\n", []string{"netlify.toml:1:", `"headers" should be`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := load(t, tt.text)
			took := time.Since(start)
			t.Logf("refused in %v", took)
			if err == nil || took > 5*time.Second {
				t.Fatalf("err = %v after %v, want a refusal at once", err, took)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v, want it to say %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "toml: ") {
				t.Errorf("err = %v: the decoder's words", err)
			}
		})
	}
}

// TestLoadFollowsNoLink refuses a netlify.toml that is a symbolic link or
// a named pipe (which would block the read for ever).
func TestLoadFollowsNoLink(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "real.toml"), []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.toml", filepath.Join(dir, "netlify.toml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"netlify.toml", "fifo.toml"} {
		if _, err := Load(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s: read, want it refused", name)
		}
	}
}
