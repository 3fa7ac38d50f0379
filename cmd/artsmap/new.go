package main

import (
	"fmt"
	"path/filepath"

	"artsmap/internal/diag"
	"artsmap/internal/scaffold"
	"artsmap/internal/site"
)

func (m *Main) runNew(args []string) int {
	var sf siteFlags
	fs := newFlagSet("new", m, &sf)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	pos := fs.Args()
	if len(pos) >= 2 {
		// Allow flags after the kind and title too: artsmap new event "X" -site S.
		if err := fs.Parse(pos[2:]); err != nil {
			return exitUsage
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(m.Stderr, "artsmap new: unexpected argument %q\n", fs.Arg(0))
			return exitUsage
		}
	}
	if len(pos) < 2 {
		fmt.Fprintln(m.Stderr, `artsmap new: say what to make and its title, for example: artsmap new provider "Mindsong"`)
		return exitUsage
	}
	cfg, err := site.Config(site.Folder(sf.dir))
	if err != nil {
		fmt.Fprintf(m.Stderr, "artsmap new: %s\n", diag.ShowText(err.Error()))
		return exitContent
	}
	written, err := scaffold.Write(scaffold.Request{Kind: pos[0], Title: pos[1], Site: sf.dir, Config: cfg})
	for _, w := range written {
		fmt.Fprintf(m.Stdout, "wrote %s\n", diag.ShowPath(filepath.Join(sf.dir, filepath.FromSlash(w))))
	}
	if err != nil {
		fmt.Fprintf(m.Stderr, "artsmap new: %s\n", diag.ShowText(err.Error()))
		return exitUsage
	}
	fmt.Fprintln(m.Stdout, "edit it, then run: artsmap check")
	return exitOK
}
