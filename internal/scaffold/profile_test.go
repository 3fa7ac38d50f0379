package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// FuzzTOMLText: any text written by tomlText reads back as the same
// text, in one setting: no value can end its string or add a setting.
func FuzzTOMLText(f *testing.F) {
	for _, s := range []string{`say "hi"`, `back\slash`, "line\nbreak\ttab", "=cmd|' /C calc'!A0", "\"\nx = 1\n#", "+++", "\x00\x1b[31m\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the CSV reader refuses what is not UTF-8
		}
		var got map[string]any
		if _, err := toml.Decode("v = "+tomlText(s)+"\n", &got); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if len(got) != 1 || got["v"] != s {
			t.Errorf("%q read back as %q", s, got)
		}
	})
}

// TestWriteProfileRefuses: an existing folder is never written into, and
// RemoveProfile leaves a folder someone else put files in.
func TestWriteProfileRefuses(t *testing.T) {
	dir := t.TempDir()
	prov := filepath.Join(dir, "content", "providers")
	if err := os.MkdirAll(filepath.Join(prov, "taken"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := Profile{Name: "Taken", Reviewed: time.Now()}
	if _, err := WriteProfile(dir, p); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("into an existing folder: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(prov, "taken")); len(entries) != 0 {
		t.Errorf("wrote into the existing folder: %v", entries)
	}
	w, err := WriteProfile(dir, Profile{Name: "New One", Reviewed: time.Now(), Venue: &ProfileVenue{Name: "Hall"}})
	if err != nil || len(w.Files) != 2 {
		t.Fatalf("%v %v", w, err)
	}
	other := filepath.Join(prov, "new-one", "photo.jpg")
	if err := os.WriteFile(other, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := RemoveProfile(dir, w); err == nil {
		t.Error("removed a folder holding a file it did not write")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("removed a file it did not write")
	}
}
