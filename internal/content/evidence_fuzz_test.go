package content

import (
	"bytes"
	"testing"
)

// FuzzLoadEvidence loads any text as an evidence synopsis: it must never
// panic or hang, and every problem must point inside the file.
func FuzzLoadEvidence(f *testing.F) {
	f.Add([]byte(synopsis))
	f.Add([]byte(refNote))
	f.Add([]byte("+++\n[reference]\nauthors = [\n  \"a, b\", { family = 1 },\n  [\"x\"], 3, { x = { y = 'z' } }\n]\n+++\n"))
	f.Add([]byte("+++\n[[reference]]\n[[reference.authors]]\nname = \"x\"\n+++\n"))
	f.Add([]byte("+++\nreference = { authors = [{ nmae = \"W\" }, \"}\"] }\n+++\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := validSite()
		fsys[evPath] = file(string(src))
		_, probs := Load(fsys, Options{Now: now})
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, p := range probs.Items() {
			if p.Path == "" || p.Line < 0 || p.Col < 0 || p.Message == "" {
				t.Fatalf("malformed problem %+v", p)
			}
			if p.Path == evPath && p.Line > lines {
				t.Fatalf("problem on line %d of a %d-line file: %+v", p.Line, lines, p)
			}
		}
	})
}
