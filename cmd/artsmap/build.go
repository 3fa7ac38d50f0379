package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"artsmap"
	"artsmap/internal/diag"
	"artsmap/internal/site"
)

// siteFlags are the flags every command shares.
type siteFlags struct {
	dir string
}

func newFlagSet(name string, m *Main, sf *siteFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() { fmt.Fprint(m.Stderr, usage) }
	fs.StringVar(&sf.dir, "site", ".", "the site folder, holding content/")
	return fs
}

// parse parses flags, reporting extra arguments as a usage error.
func parse(fs *flag.FlagSet, args []string, m *Main) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "artsmap %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return false
	}
	return true
}

// options are the build options for the site folder; ctx stops the work.
func (sf siteFlags) options(ctx context.Context, out string) site.Options {
	if out == "" {
		out = filepath.Join(sf.dir, "public")
	}
	return site.Options{Site: site.Folder(sf.dir), SiteDir: sf.dir, Theme: artsmap.Theme, Out: out, Context: ctx,
		CacheDir: cacheDir()}
}

// cacheDir is where builds and checks keep their cache (see usage): ""
// when ARTSMAP_CACHE is "off" or no cache folder is known.
func cacheDir() string {
	switch dir := os.Getenv("ARTSMAP_CACHE"); dir {
	case "off":
		return ""
	case "":
		root, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(root, "artsmap")
	default:
		return dir
	}
}

func (m *Main) runBuild(ctx context.Context, args []string) int {
	var sf siteFlags
	fs := newFlagSet("build", m, &sf)
	out := fs.String("out", "", "the output folder (default SITE/public)")
	if !parse(fs, args, m) {
		return exitUsage
	}
	stop := limitMemory(ctx)
	opts := sf.options(ctx, *out)
	res, err := site.Build(opts)
	stop()
	printProblems(m.Stderr, res.Problems)
	if err != nil {
		return m.fail(err)
	}
	kept := ""
	if res.Reused > 0 {
		kept = fmt.Sprintf("; %d kept, as their inputs did not change", res.Reused)
	}
	switch {
	case res.FromCache == 1:
		kept += "; 1 provider folder unchanged, taken from the cache"
	case res.FromCache > 1:
		kept += fmt.Sprintf("; %d provider folders unchanged, taken from the cache", res.FromCache)
	}
	fmt.Fprintf(m.Stdout, "built %d pages (%d files; %d written, %d removed%s) into %s\n", res.Pages, res.Files, res.Written, res.Removed, kept, diag.ShowPath(opts.Out))
	return exitOK
}

func (m *Main) runCheck(ctx context.Context, args []string) int {
	var sf siteFlags
	fs := newFlagSet("check", m, &sf)
	format := fs.String("format", "text", "text, or json for editors and CI")
	if !parse(fs, args, m) {
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(m.Stderr, "artsmap check: -format must be text or json, not %q\n", *format)
		return exitUsage
	}
	res, err := site.Check(sf.options(ctx, ""))
	if *format == "json" {
		writeJSON(m.Stdout, res.Problems)
	} else {
		printProblems(m.Stdout, res.Problems)
	}
	var de *diag.Error
	if err != nil && !errors.As(err, &de) {
		fmt.Fprintf(m.Stderr, "artsmap: %s\n", diag.ShowText(err.Error()))
		return exitContent
	}
	if err != nil {
		return exitContent
	}
	if *format == "text" {
		fmt.Fprintln(m.Stdout, "no problems found")
	}
	return exitOK
}

// fail prints a build error and returns its exit status.
func (m *Main) fail(err error) int {
	var de *diag.Error
	if errors.As(err, &de) {
		fmt.Fprintf(m.Stderr, "artsmap: %s; nothing was written\n", countErrors(len(diag.ErrorsOnly(de.Problems))))
		return exitContent
	}
	fmt.Fprintf(m.Stderr, "artsmap: %s\n", diag.ShowText(err.Error()))
	return exitContent
}

func printProblems(w io.Writer, ps []diag.Problem) {
	for _, p := range ps {
		fmt.Fprintln(w, p.String())
	}
}

func writeJSON(w io.Writer, ps []diag.Problem) {
	if ps == nil {
		ps = []diag.Problem{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(ps) // nothing useful to do if stdout is gone
}

// countErrors says how many errors there are, singular or plural.
func countErrors(n int) string {
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}
