package devserver_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/devserver"
	"artsmap/internal/site"
	"artsmap/internal/synth"
)

// BenchmarkPreview measures, on synthetic sites of 1,000 and 10,000
// providers, the time from saving a profile to the changed page being
// served by the live preview, through the file watcher, as an editor sees it.
func BenchmarkPreview(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "site")
			if err := synth.Write(dir, n, 1); err != nil {
				b.Fatal(err)
			}
			live, _, err := site.NewLive(site.Options{Site: os.DirFS(dir), Theme: artsmap.Theme})
			if err != nil {
				b.Fatal(err)
			}
			events := devserver.NewBroker()
			srv := httptest.NewServer(devserver.LiveHandler(live, events, site.ErrNotFound))
			defer srv.Close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go devserver.Watch(ctx, dir, []string{"content"}, func(paths []string) { live.Update(paths) }) // ends with ctx
			time.Sleep(200 * time.Millisecond)                                                             // let the watcher start
			profile := filepath.Join(dir, "content", "providers", "provider-00042", "index.md")
			url := srv.URL + "/providers/provider-00042/"
			src, _ := os.ReadFile(profile)
			var times []float64
			i := 0
			for b.Loop() {
				i++
				mark := "Edited" + strconv.Itoa(i)
				edited := strings.Replace(string(src), "+++\nname = \"", "+++\nname = \""+mark+" ", 1)
				start := time.Now()
				os.WriteFile(profile, []byte(edited), 0o644) // checked by the poll below
				for !strings.Contains(fetch(url), mark) {
					if time.Since(start) > 10*time.Second {
						b.Fatal("the edit never appeared")
					}
					time.Sleep(time.Millisecond)
				}
				times = append(times, float64(time.Since(start).Microseconds())/1000)
			}
			sort.Float64s(times)
			b.ReportMetric(times[len(times)/2], "ms-median")
			b.ReportMetric(times[len(times)-1], "ms-max")
		})
	}
}

func fetch(url string) string {
	res, err := http.Get(url)
	if err != nil {
		return ""
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}
