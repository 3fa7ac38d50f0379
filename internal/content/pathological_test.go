package content

import (
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"artsmap/internal/markdown"
)

// pathological are inputs that took minutes and gigabytes before the
// limits (see docs/performance.md), as whole Markdown files, with a part
// of the error that refuses each.
var pathological = []struct {
	name, src, want string
}{
	{"120 KB of nested inline tables", "+++\nx = " + strings.Repeat("{a=", 30000) + "1" + strings.Repeat("}", 30000) + "\n+++\n",
		"the settings between the +++ lines are 118 KB; the limit is 64 KB"},
	{"60 KB of nested inline tables", "+++\nx = " + strings.Repeat("{a=", 15000) + "1" + strings.Repeat("}", 15000) + "\n+++\n",
		"tables and lists nested 9 deep; at most 8 levels are allowed"},
	{"60 KB of nested arrays", "+++\nx = " + strings.Repeat("[", 30000) + strings.Repeat("]", 30000) + "\n+++\n",
		"tables and lists nested 9 deep"},
	{"a key of 20,000 parts", "+++\n" + strings.Repeat("a.", 20000) + "b = 1\n+++\n", "tables and lists nested 9 deep"},
	{"400 KB of nested block quotes", "+++\ntitle = \"x\"\n+++\n" + strings.Repeat(">", 400<<10) + " x\n",
		"the file is 401 KB; the limit for a Markdown file is 320 KB"},
	{"250 KB of nested block quotes", "+++\ntitle = \"x\"\n+++\n" + strings.Repeat(">", 250<<10) + " x\n",
		"block quotes or lists nested 256000 deep; at most 20 are allowed"},
	{"200 KB of nested lists", "+++\ntitle = \"x\"\n+++\n" + strings.Repeat("- ", 100<<10) + "x\n",
		"block quotes or lists nested 102400 deep; at most 20 are allowed"},
	{"a 50 MB body", "+++\ntitle = \"x\"\n+++\n" + strings.Repeat("Words and more words.\n", 50<<20/22),
		"the limit for a Markdown file is 320 KB"},
	{"32 KB of unclosed links", "+++\ntitle = \"x\"\n+++\n" + strings.Repeat("[a](", 8<<10) + "\n", "8192 links on one line; at most 100"},
}

// TestPathologicalRefused loads each pathological input as a page and
// checks that it is refused with its limit, quickly and in little memory.
func TestPathologicalRefused(t *testing.T) {
	for _, c := range pathological {
		t.Run(c.name, func(t *testing.T) {
			fsys := validSite()
			fsys[pagePath] = file(c.src)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, probs := Load(fsys, Options{Now: now})
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			found := false
			for _, p := range probs.Items() {
				found = found || (p.Path == pagePath && strings.Contains(p.Message, c.want))
			}
			if !found {
				t.Errorf("not refused with %q: %v", c.want, probs.Items())
			}
			if took > 2*time.Second {
				t.Errorf("took %v; the limit must refuse it at once", took)
			}
			// Loading the rest of the test site allocates about 1 MB.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
		})
	}
}

// worstAllowed are the costliest inputs found that pass every limit: the
// limits are only worth having if these stay fast (see
// BenchmarkWorstAllowed and docs/performance.md).
var worstAllowed = []struct {
	name        string
	front, body string
}{
	{"64 KB of inline tables 8 deep", "x = [" + fill(func(int) string { return strings.Repeat("{a=", 7) + "1" + strings.Repeat("}", 7) + "," }) + "]\n", ""},
	{"64 KB of arrays 8 deep", "x = [" + fill(func(int) string { return strings.Repeat("[", 7) + "1" + strings.Repeat("]", 7) + "," }) + "]\n", ""},
	{"64 KB of unknown keys", fill(func(i int) string { return "unknown" + strconv.Itoa(i) + " = 1\n" }), ""},
	{"64 KB of tables 8 deep", fill(func(i int) string { return "[a.b.c.d.e.f.g.h" + strconv.Itoa(i) + "]\n" }), ""},
	{"64 KB of dotted keys 8 deep", fill(func(i int) string { return "a.b.c.d.e.f.g.h" + strconv.Itoa(i) + " = 1\n" }), ""},
	{"64 KB of one string", "x = \"" + strings.Repeat("a", maxFront-100) + "\"\n", ""},
	{"256 KB of block quotes 20 deep", "", blocks(strings.Repeat(">", 20) + " x\n")},
	{"256 KB of lists 20 deep", "", blocks(strings.Repeat("- ", 20) + "x\n")},
	{"256 KB of open brackets", "", blocks("[")},
	{"256 KB of emphasis marks", "", blocks("*a")},
	{"256 KB of backticks", "", blocks("`a``")},
	{"256 KB of link definitions", "", blocks("[a]: /b\n")},
	{"256 KB of links, 100 a line", "", blocks(strings.Repeat("[a](", 100) + "\n")},
	{"256 KB of unclosed links with spaces", "", blocks(strings.Repeat("[a](< ", 100) + "\n")},
	{"256 KB of reference links", "", blocks("[a][")},
	{"256 KB of images", "", blocks("![")},
	{"256 KB of table cells", "", "|a|b|\n|-|-|\n" + strings.Repeat("|x", maxBlock/2-16) + "\n"},
	{"256 KB of angle brackets", "", blocks("<a")},
	{"256 KB of words", "", blocks("word ")},
	{"256 KB of autolinks", "", blocks("www.a.b ")},
	{"256 KB of headings", "", blocks("# a\n")},
	{"256 KB of fenced code", "", blocks("```\n")},
}

// blocks fills the largest body allowed with the largest blocks allowed
// of unit repeated.
func blocks(unit string) string {
	block := strings.Repeat(unit, (maxBlock-2)/len(unit)) + "\n\n"
	return strings.Repeat(block, maxBody/len(block))
}

// fill joins part(0), part(1), ... while they fit in the front matter
// beside the title.
func fill(part func(i int) string) string {
	var b strings.Builder
	for i := 0; ; i++ {
		p := part(i)
		if b.Len()+len(p) > maxFront-100 {
			return b.String()
		}
		b.WriteString(p)
	}
}

// BenchmarkWorstAllowed loads each of the worst inputs within the limits
// as a page and renders its text, as a build does.
func BenchmarkWorstAllowed(b *testing.B) {
	md := markdown.New("test.example.org")
	for _, c := range worstAllowed {
		b.Run(c.name, func(b *testing.B) {
			fsys := validSite()
			fsys[pagePath] = file("+++\ntitle = \"x\"\n" + c.front + "+++\n" + c.body)
			cpu := cpuTime()
			defer func() { b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op") }()
			for b.Loop() {
				s, probs := Load(fsys, Options{Now: now})
				for _, p := range s.Pages {
					md.Render(p.Body)
				}
				for _, p := range probs.Items() {
					if !p.Warning && p.Path == pagePath && !strings.Contains(p.Message, "unknown setting") {
						b.Fatalf("not within the limits: %v", p)
					}
				}
			}
		})
	}
}

// cpuTime is the processor time the process has used, which unlike the
// time on the clock does not grow when other programs share the machine.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
