// Command artsmap builds, checks and serves an arts-and-health map from a
// folder of content. Run "artsmap help" for the commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"

	"artsmap/internal/diag"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() { // the first signal ends ctx; a second one ends the process at once
		<-ctx.Done()
		stop()
	}()
	m := NewMain(os.Stdout, os.Stderr)
	code := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// Main is the program: it parses a command line and runs one command.
type Main struct {
	Stdout, Stderr io.Writer
}

// NewMain returns a Main writing to the given streams.
func NewMain(stdout, stderr io.Writer) *Main {
	return &Main{Stdout: stdout, Stderr: stderr}
}

const usage = `artsmap builds a public arts-and-health map from a folder of content.

Usage:

    artsmap build [-site SITE] [-out OUT]
        Check the content and build the website into OUT (default SITE/public).
        A failed build leaves OUT as it was. OUT must be absent, empty or a
        previous artsmap output; anything else is refused and left alone.

    artsmap serve [-site SITE] [-addr 127.0.0.1:1313]
        Build the site and serve it for previewing, on this machine only
        unless -addr names another interface.

    artsmap check [-site SITE] [-format text|json]
        Check every content file, layout and static file and print every
        problem. Makes every page but writes nothing.

    artsmap new provider|factsheet|learning|event|evidence "Title" [-site SITE]
        Write a ready-to-edit file with every field explained.

    artsmap new provider -from FILE.csv [-site SITE]
        Make a profile folder from each submission of the site's profile
        forms, in the CSV export of Netlify Forms: its columns are the
        forms' field names (name, kind, status, summary, website,
        districts[], pathways[], artforms[], audiences[], referral[],
        email, phone, publish_contact, programme_*, venue_*); any other
        column is left alone. Each new folder is checked as artsmap check
        does; a row with a problem is reported at its line and column and
        leaves no folder. An existing folder is never replaced, and a row
        of the update form (its profile column filled in) makes none.
        Each profile is written as a draft (draft = true), published only
        once staff have checked it and removed that line.

SITE is the folder that holds content/ (default: the current folder).
Problems are printed as path:line:col: message. Exit status: 0 when the
content is clean, 1 when it has errors, 2 when the command line is wrong.

build and check keep what each provider folder was read into in a cache
folder ($ARTSMAP_CACHE, else artsmap/ in the user's cache folder, such as
~/.cache/artsmap), so that the next run reads again only the folders that
changed. It holds whole profiles, unpublished contact details too, and is
never part of OUT. ARTSMAP_CACHE=off runs without it; deleting it is safe.
`

// commands are the command names, for "did you mean" hints.
var commands = []string{"build", "check", "serve", "new", "help"}

// isHelp reports whether a command-line argument asks for help.
func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// Run runs the command named by args[0] and returns the exit status.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	if slices.ContainsFunc(rest, isHelp) && slices.Contains(commands, cmd) {
		fmt.Fprint(m.Stdout, usage) // "artsmap new provider -h" asks for help, not a provider called h
		return exitOK
	}
	switch cmd {
	case "build":
		return m.runBuild(ctx, rest)
	case "check":
		return m.runCheck(ctx, rest)
	case "serve":
		return m.runServe(ctx, rest)
	case "new":
		return m.runNew(ctx, rest)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(m.Stdout, usage)
		return exitOK
	}
	hint := ""
	if s := diag.Suggest(cmd, commands); s != "" {
		hint = " (" + s + ")"
	}
	fmt.Fprintf(m.Stderr, "artsmap: unknown command %q%s\n\n%s", diag.ShowText(cmd), hint, usage)
	return exitUsage
}
