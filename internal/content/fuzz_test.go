package content

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// seedFiles adds the files of the repository's content matching pattern
// (relative to content/) as fuzz seeds; there are none when it is absent.
func seedFiles(f *testing.F, pattern string) {
	f.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", pattern))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
}

// splitEdgeCases are hand-written inputs at the edges of the front matter.
var splitEdgeCases = []string{
	"", "\n", "+++", "+++\n", "+++\n+++", "+++\n+++\n", "+++\r\n+++\r\nbody", "\xef\xbb\xbf+++\na=1\n+++\n",
	"+++\n+++\n+++", "x\n+++\n", "+++ \n+++\n", "+++\n+++ \nb", "+++\n\n+++\n\n\nbody\n", "+++\r\n+++",
	"\xef\xbb\xbf", "\xef\xbb\xbf\xef\xbb\xbf+++\n+++\n", "+++\n\r\n+++\r\n", "+++\na = \"+++\"\n+++\n+++\n",
	"+++\n\"\"\"\n+++\n\"\"\"\n+++\n", "\r\n+++\n", "++++\n+++\n",
}

// FuzzSplit checks that Split never panics and that, when it succeeds,
// the front matter and body are the parts of the input between and after
// the +++ lines, and that the body starts on line bodyLine.
func FuzzSplit(f *testing.F) {
	seedFiles(f, "*/*.md")
	seedFiles(f, "*/*/index.md")
	for _, s := range splitEdgeCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		front, body, bodyLine, err := Split(src)
		if err != nil {
			if front != nil || body != nil || bodyLine != 0 {
				t.Fatalf("failed with %v but returned %q, %q, %d", err, front, body, bodyLine)
			}
			return
		}
		clean := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
		if bytes.IndexByte(clean, '\n') < 0 && bytes.IndexByte(clean, '\r') >= 0 {
			clean = bytes.ReplaceAll(clean, []byte("\r"), []byte("\n")) // old Mac line ends: Split reads a copy
		} else {
			subSlices(t, src, front, body)
		}
		// The input is: an opening line, the front matter, a closing line
		// (without a line end only when nothing follows), the body.
		open, rest, ok := bytes.Cut(clean, []byte("\n"))
		if !ok || !fence(bytes.TrimSuffix(open, []byte("\r"))) || !bytes.HasPrefix(rest, front) {
			t.Fatalf("front matter %q does not follow a +++ line in %q", front, clean)
		}
		closing := rest[len(front) : len(rest)-len(body)]
		if c, nl := bytes.CutSuffix(closing, []byte("\n")); !fence(bytes.TrimSuffix(c, []byte("\r"))) || !nl && len(body) > 0 {
			t.Fatalf("front matter and body are separated by %q, not a +++ line", closing)
		}
		if len(front) > 0 && front[len(front)-1] != '\n' {
			t.Fatalf("front matter %q does not end with a whole line", front)
		}
		for _, l := range bytes.Split(front, []byte("\n")) {
			if fence(bytes.TrimSuffix(l, []byte("\r"))) {
				t.Fatalf("front matter %q holds a +++ line: it ends too late", front)
			}
		}
		lines := bytes.Count(clean[:len(clean)-len(body)], []byte("\n")) + 1
		if !bytes.HasSuffix(closing, []byte("\n")) {
			lines++ // a closing +++ at the very end: the body would start below it
		}
		if bodyLine != lines {
			t.Fatalf("bodyLine = %d, but the body starts on line %d of %q", bodyLine, lines, src)
		}
	})
}

// subSlices fails unless front and body are sub-slices of src: their
// capacity tells where they start, and the bytes there are theirs.
func subSlices(t *testing.T, src, front, body []byte) {
	t.Helper()
	fOff := cap(src) - cap(front)
	if fOff < 0 || fOff+len(front) > len(src) || !bytes.Equal(src[fOff:fOff+len(front)], front) {
		t.Fatalf("front matter %q is not part of the input", front)
	}
	if len(body) > 0 {
		bOff := cap(src) - cap(body)
		if bOff < fOff+len(front) || bOff+len(body) != len(src) || !bytes.Equal(src[bOff:], body) {
			t.Fatalf("body %q is not the end of the input", body)
		}
	}
}

// FuzzLoadProvider feeds arbitrary bytes as a profile's index.md through
// the whole loader: it must never panic, and every problem must name a
// file of the site and a line that exists in it.
func FuzzLoadProvider(f *testing.F) {
	seedFiles(f, "providers/*/index.md")
	f.Add([]byte(provider))
	f.Add([]byte("+++\nprogrammes = 3\n[[programmes]]\n+++\n"))
	f.Add([]byte("+++\n[quality]\n[quality.x]\ny = 1\n+++\n"))
	f.Add([]byte("+++\n[[programmes]]\nvenues = [\"x\", 'y']\nscores = { a = 1 }\n[programmes.z]\n+++\n"))
	f.Add([]byte("+++\nsummary = \"\"\"\nx = 1\n\"\"\"\nkind = 'x'\n+++\n"))
	f.Add([]byte("\xef\xbb\xbf+++\r\nname = \"x\"\r\nreviewed = \"2026\"\r\n+++\r\n"))
	f.Add([]byte("+++\nsince = \"1\"\ntags = [\"a\", 3]\n[[quality]]\n[[programmes]]\nvenues = 3\n[[programmes]]\nsessions = [1]\n+++\n"))
	f.Add([]byte("+++\nreviewed = 12/03/2025\n+++\n"))
	f.Add([]byte("+++\ntags = [\"a\"\n[x\nname = \"a\",\nname = 1\n+++\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := validSite()
		fsys[providerPath] = file(string(src))
		_, probs := Load(fsys, Options{Now: now})
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, p := range probs.Items() {
			if p.Path == "" || p.Line < 0 || p.Col < 0 || p.Message == "" {
				t.Fatalf("malformed problem %+v", p)
			}
			if fsys[p.Path] == nil && !isDir(fsys, p.Path) {
				t.Fatalf("problem in %q, which is not in the site: %+v", p.Path, p)
			}
			if p.Path == providerPath && p.Line > lines {
				t.Fatalf("problem on line %d of a %d-line file: %+v", p.Line, lines, p)
			}
		}
	})
}

func isDir(fsys fstest.MapFS, dir string) bool {
	info, err := fsys.Stat(dir)
	return err == nil && info.IsDir()
}
