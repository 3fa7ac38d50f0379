// Command bench times artsmap against Hugo on synthetic sites of the same
// content (internal/synth): it writes each site, converts it into a Hugo
// site with equivalent minimal layouts (./hugo), builds both several times
// into fresh folders, then, at the -rebuild size, several times more into
// the previous output after one profile's summary changed, and prints a
// Markdown table of the medians. Run it with "make bench";
// docs/performance.md explains the figures.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"artsmap/internal/synth"
)

// config is the command line.
type config struct {
	sizes   []int
	runs    int
	rebuild int    // the size timed again after one edit; 0 for none
	hugo    string // the hugo binary; empty to skip Hugo
	dir     string // where sites and outputs go
}

func main() {
	cfg, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if err := bench(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (config, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fs.String("sizes", "1000,10000", "numbers of providers, comma-separated (50,000 takes tens of minutes with Hugo)")
	runs := fs.Int("runs", 5, "builds of each site by each tool; the table shows the median")
	rebuild := fs.Int("rebuild", 10000, "the size (one of -sizes) also rebuilt into its output after one profile's edit; 0 for none")
	hugo := fs.String("hugo", "hugo", `the Hugo binary, or "" to time artsmap alone`)
	dir := fs.String("dir", "", "work folder (default: a new temporary folder, removed afterwards)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	cfg := config{runs: max(*runs, 1), rebuild: *rebuild, hugo: *hugo, dir: *dir}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return config{}, fmt.Errorf("-sizes: %q is not a number of providers", s)
		}
		cfg.sizes = append(cfg.sizes, n)
	}
	return cfg, nil
}

// bench runs every comparison and prints the table.
func bench(cfg config, w io.Writer) error {
	if cfg.dir == "" {
		dir, err := os.MkdirTemp("", "artsmap-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.dir = dir
	}
	bin := filepath.Join(cfg.dir, "artsmap")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/artsmap").CombinedOutput(); err != nil {
		return fmt.Errorf("building artsmap: %v\n%s", err, out)
	}
	header(w, cfg)
	var results []result
	for _, n := range cfg.sizes {
		rs, err := benchSize(cfg, bin, n)
		if err != nil {
			return err
		}
		results = append(results, rs...)
	}
	table(w, results)
	fmt.Fprintf(w, "\nload average after: %s\n", loadAverage())
	return nil
}

// siteAge is how long the bench waits after writing a site: artsmap's
// cache keeps no folder written within 2 s of a build's start (a second
// write in the same tick of the file system's clock would keep its times),
// so without the wait the last folders written would be read again by the
// one-edit rebuilds as if just edited.
const siteAge = 2500 * time.Millisecond

// benchSize writes the sites of n providers and times each tool on them.
// The tools take turns, run by run, so that both meet the same changes in
// the machine's load.
func benchSize(cfg config, bin string, n int) ([]result, error) {
	site := filepath.Join(cfg.dir, fmt.Sprintf("site-%d", n))
	if err := synth.Write(site, n, 1); err != nil {
		return nil, fmt.Errorf("writing the synthetic site: %w", err)
	}
	time.Sleep(siteAge) // as a site edited before, not just now: see siteAge
	cache := filepath.Join(cfg.dir, "artsmap-cache")
	tools := []tool{{name: "artsmap", out: filepath.Join(cfg.dir, "public-artsmap"), env: []string{"ARTSMAP_CACHE=" + cache},
		caches: []string{cache}}}
	tools[0].cmd = []string{bin, "build", "-site", site, "-out", tools[0].out}
	if cfg.hugo != "" {
		hsite := filepath.Join(cfg.dir, fmt.Sprintf("hugo-%d", n))
		if err := writeHugoSite(site, hsite, "https://synth.example.org/"); err != nil {
			return nil, err
		}
		h := tool{name: "Hugo", out: filepath.Join(cfg.dir, "public-hugo")}
		h.cmd = []string{cfg.hugo, "--quiet", "--source", hsite, "--destination", h.out, "--cacheDir", filepath.Join(cfg.dir, "hugo-cache")}
		tools = append(tools, h)
	}
	runs := make([][]run, len(tools))
	for range cfg.runs {
		for i, t := range tools {
			r, err := measureRun(t)
			if err != nil {
				return nil, err
			}
			runs[i] = append(runs[i], r)
		}
	}
	results, err := summariseAll(tools, n, runs, "")
	if err != nil || n != cfg.rebuild {
		return results, err
	}
	sites := []string{site, filepath.Join(cfg.dir, fmt.Sprintf("hugo-%d", n))}
	again, err := rebuildRuns(cfg, tools, sites[:len(tools)])
	if err != nil {
		return nil, err
	}
	rebuilt, err := summariseAll(tools, n, again, ", one edit")
	return append(results, rebuilt...), err
}

// summariseAll sums up each tool's runs, naming the row tool+suffix.
func summariseAll(tools []tool, n int, runs [][]run, suffix string) ([]result, error) {
	var results []result
	for i, t := range tools {
		r, err := summarise(t.name+suffix, n, runs[i], t.out)
		if err != nil {
			return nil, err
		}
		results = append(results, r)
	}
	return results, nil
}

// tool is one static-site generator: its command, output folder, what
// it adds to the environment, and the caches a build from nothing starts
// without (artsmap's cache of decoded provider folders: each clean build
// starts with none and fills it, and the one-edit rebuilds after the last
// one use what it left).
type tool struct {
	name   string
	cmd    []string
	out    string
	env    []string
	caches []string
}

func header(w io.Writer, cfg config) {
	fmt.Fprintf(w, "%s, %d processors, load average before: %s\n", runtime.Version(), runtime.NumCPU(), loadAverage())
	if cfg.hugo != "" {
		v, err := exec.Command(cfg.hugo, "version").Output()
		if err != nil {
			fmt.Fprintf(w, "hugo version: %v\n", err)
		} else {
			fmt.Fprintf(w, "%s", v)
		}
	}
	where := "on disk"
	if onRAMDisk(cfg.dir) {
		where = "on a RAM disk (tmpfs): file creation costs far less than on disk"
	}
	fmt.Fprintf(w, "work folder %s, %s\n", cfg.dir, where)
	fmt.Fprintf(w, "median of %d builds each, into an empty folder (artsmap with an empty cache), the tools taking turns", cfg.runs)
	if slices.Contains(cfg.sizes, cfg.rebuild) {
		fmt.Fprintf(w, "; \"one edit\": %d builds of %s providers each into the previous output, after one profile's summary changed (artsmap with the cache the last build left)", cfg.runs, thousands(cfg.rebuild))
	}
	fmt.Fprint(w, "\n\n")
}

func table(w io.Writer, rs []result) {
	fmt.Fprintln(w, "| providers | tool | build (median) | processor time (median) | peak memory (RSS) | output | files | vs Hugo |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, r := range rs {
		vs := ""
		for _, h := range rs {
			if h.tool == strings.Replace(r.tool, "artsmap", "Hugo", 1) && h.providers == r.providers && h.tool != r.tool {
				vs = fmt.Sprintf("%.1f× faster", h.wall.Seconds()/r.wall.Seconds())
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %d MB | %.0f MB | %s | %s |\n", thousands(r.providers), r.tool,
			secs(r.wall), secs(r.cpu), r.rssKB/1024, float64(r.bytes)/1e6, thousands(r.files), vs)
	}
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}
