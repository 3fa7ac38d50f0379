package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"artsmap/internal/devserver"
	"artsmap/internal/diag"
	"artsmap/internal/site"
)

func (m *Main) runServe(ctx context.Context, args []string) int {
	var sf siteFlags
	fs := newFlagSet("serve", m, &sf)
	addr := fs.String("addr", "127.0.0.1:1313", "the address to listen on")
	if !parse(fs, args, m) {
		return exitUsage
	}
	live, res, err := site.NewLive(sf.options(ctx, ""))
	m.report(res, err, 0)
	events := devserver.NewBroker()
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
			fmt.Fprintf(m.Stderr, "artsmap serve: watching %s: %v\n", sf.dir, err)
		}
	}()
	err = devserver.Serve(ctx, *addr, devserver.LiveHandler(live, events, site.ErrNotFound), func(a string) {
		fmt.Fprintf(m.Stdout, "serving %s at http://%s/ : edits reload the page (Ctrl-C to stop)\n", filepath.Clean(sf.dir), a)
	})
	if err != nil {
		fmt.Fprintf(m.Stderr, "artsmap serve: %v\n", err)
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
		fmt.Fprintf(m.Stderr, "artsmap serve: the site does not build yet: %v\n", firstLine(err))
	case took > 0:
		fmt.Fprintf(m.Stdout, "rebuilt in %v\n", took.Round(time.Millisecond))
	default:
		fmt.Fprintf(m.Stdout, "built %d pages\n", res.Pages)
	}
}

// problemsJSON is the data of a "problems" event for the browser overlay.
func problemsJSON(ps []diag.Problem, err error) string {
	var errs []diag.Problem
	for _, p := range ps {
		if !p.Warning {
			errs = append(errs, p)
		}
	}
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
