package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"artsmap/internal/content"

	"github.com/BurntSushi/toml"
)

// TestScaffoldsClaimNothing: no setting a scaffold writes (not commented
// out) states a fact about its subject. Each is the title typed, an
// example text that check refuses, empty, false, an id of the file's own
// making or the date the file was made as the profile's review date.
func TestScaffoldsClaimNothing(t *testing.T) {
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	ph := reflect.ValueOf(content.Placeholders)
	allowed := []any{"Test Thing", "", false, "first-programme", "main-venue"}
	for i := range ph.NumField() {
		allowed = append(allowed, ph.Field(i).String())
	}
	for _, kind := range Kinds {
		dir := t.TempDir()
		files, err := Write(Request{Kind: kind, Title: "Test Thing", Site: dir, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(files[0])))
		if err != nil {
			t.Fatal(err)
		}
		front, _, _, err := content.Split(data)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if _, err := toml.NewDecoder(bytes.NewReader(front)).Decode(&doc); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		walkValues(doc, "", func(key string, v any) {
			if key == "reviewed" && v == "2026-11-23" {
				return
			}
			if !slices.Contains(allowed, v) {
				t.Errorf("new %s sets %s = %v: a claim nobody made", kind, key, v)
			}
		})
	}
}

// walkValues calls fn with every value in doc that is not a table or list.
func walkValues(v any, key string, fn func(key string, v any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			walkValues(e, k, fn)
		}
	case []map[string]any:
		for _, e := range x {
			walkValues(e, key, fn)
		}
	case []any:
		for _, e := range x {
			walkValues(e, key, fn)
		}
	case time.Time:
		fn(key, x.Format(time.DateOnly))
	default:
		fn(key, v)
	}
}
