package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// run is one timed build.
type run struct {
	wall, cpu time.Duration
	rssKB     int64 // peak resident set size
}

// measureRun removes t's output and caches and flushes the file system
// (none of it timed), then runs t once and measures it: a build from
// nothing.
func measureRun(t tool) (run, error) {
	for _, dir := range append([]string{t.out}, t.caches...) {
		if err := os.RemoveAll(dir); err != nil {
			return run{}, err
		}
	}
	return measureRebuild(t)
}

// result sums up several runs of one tool on one site.
type result struct {
	tool      string
	providers int
	wall, cpu time.Duration // medians
	rssKB     int64         // the highest of the runs
	bytes     int64         // output size
	files     int           // output files
}

func summarise(tool string, providers int, runs []run, out string) (result, error) {
	r := result{tool: tool, providers: providers}
	var walls, cpus []time.Duration
	for _, x := range runs {
		walls, cpus = append(walls, x.wall), append(cpus, x.cpu)
		r.rssKB = max(r.rssKB, x.rssKB)
	}
	r.wall, r.cpu = median(walls), median(cpus)
	err := filepath.WalkDir(out, func(_ string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err == nil {
			r.bytes += info.Size()
			r.files++
		}
		return err
	})
	return r, err
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
