package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"artsmap/internal/diag"
	"artsmap/internal/scaffold"
	"artsmap/internal/site"
)

func (m *Main) runNew(ctx context.Context, args []string) int {
	var sf siteFlags
	fs := newFlagSet("new", m, &sf)
	from := fs.String("from", "", "a CSV export of the profile forms' submissions")
	pos, ok := m.newArgs(fs, args)
	if !ok {
		return exitUsage
	}
	if *from != "" {
		if len(pos) != 1 || pos[0] != "provider" {
			fmt.Fprintln(m.Stderr, `artsmap new: -from makes providers from form submissions: artsmap new provider -from FILE.csv (no title)`)
			return exitUsage
		}
		return m.runNewFrom(ctx, sf, *from)
	}
	switch {
	case len(pos) < 2:
		fmt.Fprintln(m.Stderr, `artsmap new: say what to make and its title, for example: artsmap new provider "Mindsong"`)
		return exitUsage
	case len(pos) > 2:
		fmt.Fprintf(m.Stderr, "artsmap new: unexpected argument %q (put a title of several words in quotes)\n", diag.ShowText(pos[2]))
		return exitUsage
	}
	kind, title := pos[0], pos[1]
	cfg, err := site.Config(site.Folder(sf.dir))
	if err != nil {
		fmt.Fprintf(m.Stderr, "artsmap new: %s\n", diag.ShowText(err.Error()))
		return exitContent
	}
	written, err := scaffold.Write(scaffold.Request{Kind: kind, Title: title, Site: sf.dir, Config: cfg})
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

// newArgs reads the words of "artsmap new" (the kind and title), allowing
// flags before, between and after them ("new provider -site S Title"). A
// flag is never taken for a title: "new provider -h" asks for help.
func (m *Main) newArgs(fs *flag.FlagSet, args []string) (pos []string, ok bool) {
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		if fs.NArg() == 0 {
			break
		}
		pos, args = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	return pos, true
}
