package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"artsmap/internal/synth"
)

// TestEditSummary: each edit changes the first profile's summary, and
// only that line, so that every rebuild meets one changed profile.
func TestEditSummary(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 2, 1); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "content", "providers", editedProvider, "index.md")
	before, _ := os.ReadFile(p)
	prev := string(before)
	for n := range 3 {
		if err := editSummary(dir, n); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(p)
		got := string(data)
		if got == prev || strings.Count(got, "summary = \"Edited ") != 1 || len(strings.Split(got, "\n")) != len(strings.Split(prev, "\n")) {
			t.Errorf("edit %d:\n%s", n, got)
		}
		prev = got
	}
}

// TestParseFlags: the rebuild size defaults to 10,000 and can be turned off.
func TestParseFlags(t *testing.T) {
	cfg, err := parseFlags([]string{"-sizes", "1000,50000"})
	if err != nil || cfg.rebuild != 10000 || len(cfg.sizes) != 2 || cfg.sizes[1] != 50000 {
		t.Errorf("%+v %v", cfg, err)
	}
	if cfg, err = parseFlags([]string{"-rebuild", "0"}); err != nil || cfg.rebuild != 0 {
		t.Errorf("%+v %v", cfg, err)
	}
}
