package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"time"

	"artsmap"
	"artsmap/internal/devserver"
	"artsmap/internal/diag"
	"artsmap/internal/netlify"
	"artsmap/internal/site"
)

func (m *Main) runServe(ctx context.Context, args []string) int {
	var sf siteFlags
	fs := newFlagSet("serve", m, &sf)
	addr := fs.String("addr", "127.0.0.1:1313", "the address to listen on")
	if !parse(fs, args, m) {
		return exitUsage
	}
	if err := sf.present(); err != nil {
		fmt.Fprintf(m.Stderr, "artsmap serve: %s\n", diag.ShowText(err.Error()))
		return exitUsage
	}
	headers, err := previewHeaders(sf.dir)
	if err != nil {
		fmt.Fprintf(m.Stderr, "artsmap serve: %s\n", diag.ShowText(err.Error()))
		return exitContent
	}
	if devserver.Exposed(*addr) {
		fmt.Fprintf(m.Stderr, "artsmap serve: warning: -addr %s makes the preview reachable from other machines on the network; use 127.0.0.1:PORT to keep it on this one\n", diag.ShowText(*addr))
	}
	live, res, err := site.NewLive(sf.options(ctx, ""))
	m.report(res, err, 0)
	events := devserver.NewBroker()
	if err != nil {
		events.Publish("problems", problemsJSON(res.Problems, err))
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		err := devserver.Watch(ctx, sf.dir, []string{"content", "layouts", "static"}, func(paths []string) {
			start := time.Now()
			res, err := live.Update(paths)
			m.report(res, err, time.Since(start))
			if err != nil {
				events.Publish("problems", problemsJSON(res.Problems, err))
				return
			}
			events.Publish("reload", "")
		})
		if err != nil {
			fmt.Fprintf(m.Stderr, "artsmap serve: watching %s: %s\n", diag.ShowPath(sf.dir), diag.ShowText(err.Error()))
		}
	}()
	err = devserver.Serve(ctx, *addr, devserver.LiveHandler(live, events, site.ErrNotFound), headers, func(a string) {
		fmt.Fprintf(m.Stdout, "serving %s at http://%s/ : edits reload the page (Ctrl-C to stop)\n", diag.ShowPath(filepath.Clean(sf.dir)), a)
	})
	if err != nil {
		fmt.Fprintf(m.Stderr, "artsmap serve: %s\n", diag.ShowText(err.Error()))
		return exitContent
	}
	return exitOK
}

// report prints an update's problems and outcome on the terminal.
func (m *Main) report(res site.Result, err error, took time.Duration) {
	printProblems(m.Stderr, res.Problems)
	switch {
	case err != nil && took > 0:
		fmt.Fprintln(m.Stderr, "not rebuilt: the last good site is still served")
	case err != nil:
		fmt.Fprintf(m.Stderr, "artsmap serve: the site does not build yet: %s\n", diag.ShowText(firstLine(err)))
	case took > 0:
		fmt.Fprintf(m.Stdout, "rebuilt in %v\n", took.Round(time.Millisecond))
	default:
		fmt.Fprintf(m.Stdout, "built %d pages\n", res.Pages)
	}
}

// problemsJSON is the data of a "problems" event for the browser overlay.
func problemsJSON(ps []diag.Problem, err error) string {
	errs := diag.ErrorsOnly(ps)
	if len(errs) == 0 {
		errs = []diag.Problem{{Path: "layouts", Message: firstLine(err)}}
	}
	b, _ := json.Marshal(errs)
	return string(b)
}

func firstLine(err error) string {
	s := err.Error()
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}

// present checks that the site folder holds content/site.toml, the one
// file every site has, so that serve does not wait for a site that is not there.
// A link there is not followed: it is not a site's file (see sitefs).
func (sf siteFlags) present() error {
	name := filepath.Join(sf.dir, "content", "site.toml")
	info, err := os.Lstat(name)
	switch {
	case errors.Is(err, iofs.ErrNotExist):
		return fmt.Errorf("%s is not a site folder: it has no content/site.toml (give the folder that holds content/ with -site)", diag.ShowPath(sf.dir))
	case err != nil:
		return fmt.Errorf("cannot read the site folder %s: %v", diag.ShowPath(sf.dir), err)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a file (content/site.toml must be one; a symbolic link is never followed)", diag.ShowPath(name))
	}
	return nil
}

// previewHeaders are the response headers the preview sends: those of the
// site's own netlify.toml, read through the site's view of its folder
// (no link followed, size and nesting bounded), or else, when the site
// has none, those of the built-in one.
func previewHeaders(dir string) (netlify.Headers, error) {
	h, err := netlify.LoadFS(site.Folder(dir), "netlify.toml")
	if errors.Is(err, iofs.ErrNotExist) {
		return netlify.Parse("netlify.toml (built in)", artsmap.Netlify)
	}
	return h, err
}
