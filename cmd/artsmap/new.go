package main

import (
	"flag"
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
	kind, title, ok := m.newArgs(fs, fs.Args())
	if !ok {
		return exitUsage
	}
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

// newArgs reads the kind and title of "artsmap new", allowing flags
// before, between and after them ("new provider -site S Title"). A flag
// is never taken for a title: "new provider -h" asks for help.
func (m *Main) newArgs(fs *flag.FlagSet, args []string) (kind, title string, ok bool) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return "", "", false
		}
		if fs.NArg() == 0 {
			break
		}
		pos, args = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	switch {
	case len(pos) < 2:
		fmt.Fprintln(m.Stderr, `artsmap new: say what to make and its title, for example: artsmap new provider "Mindsong"`)
		return "", "", false
	case len(pos) > 2:
		fmt.Fprintf(m.Stderr, "artsmap new: unexpected argument %q (put a title of several words in quotes)\n", diag.ShowText(pos[2]))
		return "", "", false
	}
	return pos[0], pos[1], true
}
