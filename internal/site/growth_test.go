package site

import (
	"fmt"
	"strings"
	"testing"
)

// TestGrowth counts programmes running per year by status on the synthetic
// coverage site, with dates added, against a count by hand: the table on
// /map/ and the bars of the chart drawn beside it.
func TestGrowth(t *testing.T) {
	fsys := coverageSite(true)
	f := fsys["content/providers/threeway/index.md"]
	s := strings.Replace(string(f.Data), `id = "one"`, "id = \"one\"\nstarted = 2020-01-01", 1)
	s = strings.Replace(s, `id = "old"`, "id = \"old\"\nstarted = 2018-03-01\nended = 2021-06-30", 1)
	f.Data = []byte(s)
	out, _ := build(t, fsys)
	page := string(readTree(t, out)["map/index.html"])
	// By hand, for 2018 (the first start) to 2026 (the build's year):
	// established: paint every year, one from 2020; emerging: two and net
	// (no dates: every year); pilot: try (every year); ended: old, 2018 to 2021.
	want := map[int][5]int{}
	for y := 2018; y <= 2026; y++ {
		est, ended := 1, 0
		if y >= 2020 {
			est = 2
		}
		if y <= 2021 {
			ended = 1
		}
		want[y] = [5]int{est, 2, 1, ended, est + 2 + 1 + ended}
	}
	bars := 0
	for y, c := range want {
		row := fmt.Sprintf(`<tr><th scope="row">%d</th><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>`, y, c[0], c[1], c[2], c[3], c[4])
		if !strings.Contains(page, row) {
			t.Errorf("no row %s", row)
		}
		for _, n := range c[:4] {
			if n > 0 {
				bars++
			}
		}
	}
	if strings.Contains(page, `<th scope="row">2017</th>`) || strings.Contains(page, `<th scope="row">2027</th>`) {
		t.Error("the table runs beyond 2018 to 2026")
	}
	chart, _, _ := strings.Cut(page[strings.Index(page, `<svg class="growth-chart"`):], "</svg>")
	if got := strings.Count(chart, `<rect class="bar-`); got != bars {
		t.Errorf("%d bars in the chart, want %d", got, bars)
	}
}
