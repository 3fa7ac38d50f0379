package content

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// FuzzFrontMatter feeds arbitrary bytes as the settings of a page through
// the limits and the decoder. The pre-scan must never count less nesting
// than the decoder then builds (or a deep document could slip past the
// limit), and a document over a limit must be refused with it and never
// decoded.
func FuzzFrontMatter(f *testing.F) {
	seedFiles(f, "site.toml")
	for _, s := range []string{
		"a = 1\n", "[a.b]\nc = { d = [1, [2]] }\n", "[[a.b]]\nc.d = 1\n", "x = { a.b = { c = 1 }, d = 2 }\n",
		"s = \"\"\"\n[[[[\n\"\"\"\n", "k = '''x''''\n", "\"a.b\" = { 'c.d'.e = 1 }\n", "x = [\n# ]]]\n[1],\n]\n",
		"x = " + strings.Repeat("{a=", 12) + "1" + strings.Repeat("}", 12) + "\n",
		strings.Repeat("a.", 12) + "b = 1\n", "[a.b.c.d.e.f.g.h.i]\n", "x = 1.5\ny = 1979-05-27T07:32:00.999Z\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, front []byte) {
		start := time.Now()
		defer func() {
			if took := time.Since(start); took > 5*time.Second {
				t.Fatalf("took %v: %q", took, front)
			}
		}()
		depth, _, _ := tomlDepth(front, 1, 1<<30)
		var v map[string]any
		// Deeper documents can take the decoder minutes: the limit is
		// there to keep them from it.
		if depth <= 2*maxTOMLDepth && len(front) <= maxFront {
			if _, err := toml.Decode(string(front), &v); err == nil && nesting(v)-1 > depth {
				t.Fatalf("the pre-scan counted %d levels, the decoder built %d, in %q", depth, nesting(v)-1, front)
			}
		}
		if bytes.Contains(front, []byte("+++")) {
			return // it would end the front matter early
		}
		fsys := validSite()
		fsys[pagePath] = file("+++\n" + string(front) + "\n+++\nText.\n")
		_, probs := Load(fsys, Options{Now: now})
		want := ""
		switch {
		case len(front)+1 > maxFront:
			want = "the limit is 64 KB"
		case depth > maxTOMLDepth:
			want = "at most 8 levels are allowed"
		}
		if want == "" {
			return
		}
		for _, p := range probs.Items() {
			if p.Path == pagePath && strings.Contains(p.Message, want) {
				return
			}
		}
		t.Fatalf("%q is over a limit but was not refused with %q: %v", front, want, probs.Items())
	})
}

// nesting is how many maps and lists lie inside one another in v,
// counting v itself.
func nesting(v any) int {
	most := 0
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			most = max(most, nesting(x))
		}
	case []map[string]any:
		for _, x := range v {
			most = max(most, nesting(x))
		}
	case []any:
		for _, x := range v {
			most = max(most, nesting(x))
		}
	default:
		return 0
	}
	return most + 1
}
