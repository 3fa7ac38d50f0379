package site

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"artsmap"
	"artsmap/internal/synth"
)

// TestSynthSiteBuilds keeps the benchmark input valid: a synthetic site
// must build with no problems at all.
func TestSynthSiteBuilds(t *testing.T) {
	_, res := build(t, synth.Site(50, 1))
	for _, p := range res.Problems {
		t.Errorf("synthetic content has a problem: %s", p)
	}
}

// BenchmarkBuild builds synthetic sites of 1,000 and 10,000 providers.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := synth.Write(filepath.Join(dir, "site"), n, 1); err != nil {
				b.Fatal(err)
			}
			fsys := os.DirFS(filepath.Join(dir, "site"))
			out := filepath.Join(dir, "public")
			b.ResetTimer()
			for b.Loop() {
				if _, err := Build(Options{Site: fsys, Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "providers")
		})
	}
}

// BenchmarkCheck checks a site: every phase of a build except writing.
func BenchmarkCheck(b *testing.B) {
	fsys := synth.Site(1000, 1)
	for b.Loop() {
		if _, err := Check(Options{Site: fsys, Theme: artsmap.Theme, Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}
