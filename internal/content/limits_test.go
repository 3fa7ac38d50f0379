package content

import (
	"strings"
	"testing"
)

// TestTOMLDepth checks the pre-scan's count of nesting on small inputs.
func TestTOMLDepth(t *testing.T) {
	cases := []struct {
		src       string
		depth     int
		line, col int // where the limit of 3 is passed; 0 when it is not
	}{
		{"a = 1\n", 0, 0, 0},
		{"a = [1, 2]\nb = { c = 1 }\n", 1, 0, 0},
		{"a = [[1], [2]]\n", 2, 0, 0},
		{"a.b.c = 1\n", 2, 0, 0},
		{"[a]\nb = 1\n", 1, 0, 0},
		{"[a.b]\nc = { d = 1 }\n", 3, 0, 0},
		{"[[a.b]]\nc = 1\n", 3, 0, 0},
		{"[a.b.c.d]\n", 4, 1, 1},
		{"x = { a = { b = { c = 1 } } }\n", 3, 0, 0},
		{"x = { a = { b = { c = { d = 1 } } } }\n", 4, 1, 23},
		{"x = { a.b.c = 1 }\n", 3, 0, 0},
		{"x = { a.b.c.d = 1 }\n", 4, 1, 12},
		{"x = { a.b = 1, c = { d = 1 } }\n", 2, 0, 0},
		{"x = [\n[\n[\n[1]]]]\n", 4, 4, 1},
		{"s = \"[[[[{{{{\"\nt = '[[[['\n", 0, 0, 0},
		{"s = \"\"\"\n[[[[\n\"\"\"\nx = [[[[1]]]]\n", 4, 4, 8},
		{"# [[[[[[\nx = 1.5\n", 0, 0, 0},
		{"\"a.b.c.d\" = 1\n", 0, 0, 0},
		{"s = \"a\\\"[[[[\"\n", 0, 0, 0},
	}
	for _, c := range cases {
		d, line, col := tomlDepth([]byte(c.src), 1, 3)
		if d != c.depth || line != c.line || col != c.col {
			t.Errorf("%q: depth %d at %d:%d, want %d at %d:%d", c.src, d, line, col, c.depth, c.line, c.col)
		}
	}
}

// TestBlockDepth checks the pre-scan's count of block nesting.
func TestBlockDepth(t *testing.T) {
	cases := []struct {
		src   string
		depth int
		line  int // where the limit of 3 is passed; 0 when it is not
	}{
		{"text\n", 0, 0},
		{"> quote\n", 1, 0},
		{"> > > quote\n", 3, 0},
		{">>>> quote\n", 4, 1},
		{"- a\n  - b\n    - c\n      - d\n", 4, 4},
		{"1. a\n2) b\n- c\n* d\n+ e\n", 1, 0},
		{"-5 degrees\n*emphasis*\n", 0, 0},
		{"```\n>>>>>>\n```\n> x\n", 1, 0},
		{"text\n\n\n> > - - deep\n", 4, 4},
		{"        indented code\n", 0, 0},
	}
	for _, c := range cases {
		d, line := blockDepth([]byte(c.src), 1, 3)
		if d != c.depth || line != c.line {
			t.Errorf("%q: depth %d on line %d, want %d on line %d", c.src, d, line, c.depth, c.line)
		}
	}
}

// TestLimits: each limit is an error in plain words at the line where it
// is passed, and the document is not decoded.
func TestLimits(t *testing.T) {
	big := "x = \"" + strings.Repeat("a", 70<<10) + "\"\n"
	deep := "x = " + strings.Repeat("{ a = ", 9) + "1" + strings.Repeat(" }", 9) + "\n"
	runRules(t, []rule{
		{"front matter too large", edit(pagePath, "title = \"About\"\n", "title = \"About\"\n"+big),
			[]prob{e(pagePath, 2, 1, "the settings between the +++ lines are 71 KB; the limit is 64 KB", "move long text below the second +++ line")}, ""},
		{"front matter too deep", edit(pagePath, "title = \"About\"\n", "title = \"About\"\n"+deep),
			[]prob{e(pagePath, 3, 53, "tables and lists nested 9 deep; at most 8 levels are allowed", "each [ ] or { } inside another")}, ""},
		{"site.toml too deep", edit(cfgPath, "timezone = \"Europe/London\"\n", "timezone = \"Europe/London\"\n"+deep),
			[]prob{e(cfgPath, 4, 53, "tables and lists nested 9 deep; at most 8 levels are allowed", "each [ ] or { } inside another")}, ""},
		{"table headers too deep", edit(pagePath, "title = \"About\"\n", "title = \"About\"\n[a.b.c.d.e.f.g.h.i]\n"),
			[]prob{e(pagePath, 3, 1, "tables and lists nested 9 deep; at most 8 levels are allowed", "each [ ] or { } inside another")}, ""},
		{"body too large", edit(pagePath, "Text.\n", strings.Repeat("Text.\n", (maxBody/6)+10)),
			[]prob{e(pagePath, 4, 1, "the text after the settings is 257 KB; the limit is 256 KB", "split it into several pages")}, ""},
		{"file too large", edit(pagePath, "Text.\n", strings.Repeat("Text.\n", 2*maxBody/6)),
			[]prob{e(pagePath, 0, 0, "the file is 513 KB; the limit for a Markdown file is 320 KB", "make it smaller")}, ""},
		{"block quotes too deep", edit(pagePath, "Text.\n", "Text.\n\n"+strings.Repeat(">", 21)+" deep\n"),
			[]prob{e(pagePath, 6, 1, "block quotes or lists nested 21 deep; at most 20 are allowed", "use fewer")}, ""},
		{"block quotes at the limit", edit(pagePath, "Text.\n", strings.Repeat(">", 20)+" deep\n"), nil, ""},
		{"too many links on a line", edit(pagePath, "Text.\n", "Text.\n"+strings.Repeat("[a](", 101)+"\n"),
			[]prob{e(pagePath, 5, 1, "101 links on one line; at most 100 are allowed", "put the links on several lines")}, ""},
		{"links at the limit", edit(pagePath, "Text.\n", strings.Repeat("[a](/b) ", 100)+"\n"+strings.Repeat("[a](/b) ", 100)+"\n"), nil, ""},
		{"locations too large", edit(locPath, `"features": [`, `"x": "`+strings.Repeat("a", maxLocations)+`", "features": [`),
			[]prob{
				e(locPath, 0, 0, "the file is 5.1 MB; the limit for locations.geojson is 5 MB", "make it smaller"),
			}, ""},
	})
}
