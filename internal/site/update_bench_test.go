package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"testing"

	"artsmap"
	"artsmap/internal/synth"
)

// BenchmarkRebuild times a build into a previous output of a synthetic
// site after one profile's summary is edited (on the disk of TMPDIR): what
// a one-edit rebuild costs. Each run toggles the edit, so that each
// rebuild has one profile's outputs to write. The rebuilds run under the
// profiler label phase=rebuild, so that a CPU profile can leave out
// writing the site and its first build (go tool pprof -tagfocus
// phase=rebuild). See docs/performance.md.
func BenchmarkRebuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			site := filepath.Join(dir, "site")
			if err := synth.Write(site, n, 1); err != nil {
				b.Fatal(err)
			}
			opts := Options{Site: Folder(site), Theme: artsmap.Theme, Out: filepath.Join(dir, "public"), Now: testNow}
			if _, err := Build(opts); err != nil {
				b.Fatal(err)
			}
			profile := filepath.Join(site, "content", "providers", "provider-00000", "index.md")
			original, err := os.ReadFile(profile)
			if err != nil {
				b.Fatal(err)
			}
			edited := bytes.Replace(original, []byte(`summary = "`), []byte(`summary = "Edited. `), 1)
			written, i := 0, 0
			b.ResetTimer()
			for b.Loop() {
				i++
				data := original
				if i%2 == 1 {
					data = edited
				}
				if err := os.WriteFile(profile, data, 0o644); err != nil {
					b.Fatal(err)
				}
				var res Result
				pprof.Do(context.Background(), pprof.Labels("phase", "rebuild"), func(context.Context) {
					res, err = Build(opts)
				})
				if err != nil {
					b.Fatal(err)
				}
				written += res.Written
			}
			b.ReportMetric(float64(written)/float64(i), "written/op")
		})
	}
}
