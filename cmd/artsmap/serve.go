package main

import (
	"context"
	"fmt"

	"artsmap/internal/devserver"
	"artsmap/internal/site"
)

func (m *Main) runServe(ctx context.Context, args []string) int {
	var sf siteFlags
	fs := newFlagSet("serve", m, &sf)
	addr := fs.String("addr", "127.0.0.1:1313", "the address to listen on")
	out := fs.String("out", "", "the output folder (default SITE/public)")
	if !parse(fs, args, m) {
		return exitUsage
	}
	opts := sf.options(*out)
	res, err := site.Build(opts)
	printProblems(m.Stderr, res.Problems)
	if err != nil {
		return m.fail(err)
	}
	err = devserver.Serve(ctx, *addr, devserver.Handler(opts.Out), func(a string) {
		fmt.Fprintf(m.Stdout, "built %d pages; serving %s at http://%s/ (Ctrl-C to stop)\n", res.Pages, opts.Out, a)
	})
	if err != nil {
		fmt.Fprintf(m.Stderr, "artsmap serve: %v\n", err)
		return exitContent
	}
	return exitOK
}
