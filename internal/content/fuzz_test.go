package content

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// seedFiles adds the real content's Markdown files as fuzz seeds.
func seedFiles(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", pattern))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
}

func FuzzSplit(f *testing.F) {
	seedFiles(f, "providers/*/index.md")
	seedFiles(f, "*/*.md")
	for _, s := range []string{"", "+++", "+++\n+++", "+++\r\n+++\r\nbody", "\xef\xbb\xbf+++\na=1\n+++\n", "+++\n+++\n+++", "x\n+++\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		front, body, bodyLine, err := Split(src)
		if err != nil {
			return
		}
		if bodyLine < 3 {
			t.Fatalf("body starts on line %d", bodyLine)
		}
		clean := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
		if !bytes.HasSuffix(clean, body) || !bytes.Contains(clean, front) {
			t.Fatal("front matter and body are not parts of the input")
		}
		if n := bytes.Count(clean[:len(clean)-len(body)], []byte("\n")); n != bodyLine-1 && len(body) > 0 {
			t.Fatalf("body line %d, but %d lines precede it", bodyLine, n)
		}
	})
}

// FuzzLoadProvider runs arbitrary bytes as a profile through the whole
// loader: it must never panic, and every problem must name its file.
func FuzzLoadProvider(f *testing.F) {
	seedFiles(f, "providers/*/index.md")
	f.Add([]byte(provider))
	f.Add([]byte("+++\nprogrammes = 3\n[[programmes]]\n+++\n"))
	f.Add([]byte("+++\n[quality]\n[quality.x]\ny = 1\n+++\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := validSite()
		fsys[providerPath] = &fstest.MapFile{Data: src}
		_, probs := Load(fsys, Options{Now: now})
		for _, p := range probs.Items() {
			if p.Path == "" || p.Line < 0 || p.Col < 0 || p.Message == "" {
				t.Fatalf("malformed problem %+v", p)
			}
		}
	})
}
