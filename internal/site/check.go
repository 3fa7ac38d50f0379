package site

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"artsmap/internal/diag"
	"artsmap/internal/workers"
)

// Check runs every phase of a build except writing: it loads and validates
// the content, assembles the model, parses the layouts, plans every output
// file (so that a static file taking a generated page's address is found)
// and makes every file, throwing it away. A site that passes Check builds.
// err is a *diag.Error when the site has errors.
func Check(opts Options) (Result, error) {
	p, res, err := planSite(opts)
	if p == nil {
		return res, err
	}
	defer p.done(false)
	probs, err := dryRun(opts.ctx(), p)
	if err != nil {
		return res, err
	}
	for _, pr := range res.Problems {
		probs.Add(pr)
	}
	res.Problems = probs.Items()
	return res, probs.Err()
}

// planSite runs the phases Build and Check share: load, assemble, parse
// the layouts and plan every output file. When the content has errors the
// layouts are still parsed, so that every problem is reported in one run.
// The plan is returned with the error when files clash, as the rest of it
// can still be checked.
func planSite(opts Options) (*plan, Result, error) {
	s, probs, err := loadStoppable(opts)
	if err != nil {
		return nil, Result{}, err
	}
	if probs.Errors() > 0 {
		if layouts, err := layer(opts, "layouts"); err == nil {
			_, err := parseLayouts(layouts)
			addLayoutProblems(probs, err)
		}
		return nil, Result{Problems: probs.Items()}, probs.Err()
	}
	p, pages, err := render(s, opts)
	if err != nil && !addLayoutProblems(probs, err) {
		return nil, Result{Problems: probs.Items()}, err
	}
	if err != nil {
		return nil, Result{Problems: probs.Items()}, probs.Err()
	}
	for _, c := range p.clashes {
		probs.Add(c.problem())
	}
	return p, Result{Problems: probs.Items(), Pages: pages, Files: len(p.files), FromCache: s.fromCache}, probs.Err()
}

// dryRun makes every planned file, in parallel as a build does, and throws
// it away. Layout errors become problems, one for each place in a layout
// however many pages fail there; any other error is returned.
func dryRun(ctx context.Context, p *plan) (*diag.List, error) {
	names := p.order()
	errs := make([]error, len(names))
	err := workers.Run(ctx, len(names), workers.PerCPU(), func(i int) error {
		_, errs[i] = p.files[names[i]]()
		return nil
	})
	if err != nil { // only when ctx ended: late workers may still fill errs
		return nil, stopped(err)
	}
	probs := &diag.List{}
	failed := map[diag.Problem][]string{} // a problem without its page -> the pages
	var order []diag.Problem
	for i, err := range errs {
		var le *layoutError
		switch {
		case err == nil:
		case errors.As(err, &le):
			pr := le.problem()
			if len(failed[pr]) == 0 {
				order = append(order, pr)
			}
			failed[pr] = append(failed[pr], le.page)
		default:
			return nil, fmt.Errorf("making /%s: %w", names[i], err)
		}
	}
	for _, pr := range order {
		pr.Message += " while making " + pages(failed[pr])
		probs.Add(pr)
	}
	return probs, nil
}

// pages names the first page and how many others there are.
func pages(list []string) string {
	if len(list) == 1 {
		return list[0]
	}
	return fmt.Sprintf("%s (and %d other %s)", list[0], len(list)-1, plural(len(list)-1, "page", "pages"))
}

// addLayoutProblems adds a problem for every layout error in err (which
// may join several) and reports whether err held only layout errors.
func addLayoutProblems(probs *diag.List, err error) bool {
	if err == nil {
		return true
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	only := true
	for _, e := range errs {
		var le *layoutError
		if !errors.As(e, &le) {
			only = false
			continue
		}
		pr := le.problem()
		if le.page != "" {
			pr.Message += " while making " + le.page
		}
		probs.Add(pr)
	}
	return only
}

// layoutError is a layout that cannot be parsed, or that fails when a page
// is made with it.
type layoutError struct {
	file string // the layout, "layouts/provider.html"
	page string // the page being made; "" for a parse error
	err  error  // from html/template
}

func (e *layoutError) Error() string {
	if e.page == "" {
		return e.file + ": " + e.err.Error()
	}
	return fmt.Sprintf("rendering %s with %s: %v", e.page, e.file, e.err)
}

func (e *layoutError) Unwrap() error { return e.err }

var (
	// templatePos is a position in a template error: "partials/card.html:12:5: ".
	templatePos = regexp.MustCompile(`([A-Za-z0-9_./-]+\.html):(\d+)(?::(\d+))?: `)
	// executing is how an error at run time names the action that failed.
	executing = regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: `)
)

// plainSyntax says the commonest template syntax errors in plain words.
var plainSyntax = strings.NewReplacer(
	`bad character U+007D '}'`, `a single "}" where "}}" should end the action`,
	"unexpected EOF", "the file ends before an action or a block is closed",
)

// problem reports the error at the innermost template position it names,
// without the page (the caller adds it), in words a site's editor can act on.
func (e *layoutError) problem() diag.Problem {
	msg := e.err.Error()
	pr := diag.Problem{Path: e.file}
	if all := templatePos.FindAllStringSubmatchIndex(msg, -1); len(all) > 0 {
		m := all[len(all)-1]
		pr.Path = "layouts/" + msg[m[2]:m[3]]
		pr.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
		if m[6] >= 0 { // counted from 0 by text/template
			pr.Col, _ = strconv.Atoi(msg[m[6]:m[7]])
			pr.Col++
		}
		msg = msg[m[1]:]
	} else {
		msg = strings.TrimPrefix(strings.TrimPrefix(msg, "html/template: "), "template: ")
	}
	pr.Hint = "correct the template here, or remove " + pr.Path + " to use the built-in one"
	if e.page == "" {
		pr.Message = "this layout cannot be read: " + plainSyntax.Replace(msg)
		return pr
	}
	pr.Message = "this layout fails: " + msg
	if m := executing.FindStringSubmatch(msg); m != nil {
		pr.Message = "{{" + m[1] + "}} fails: " + msg[len(m[0]):]
	}
	return pr
}

// clash is a bundle or static file whose address another file already has.
type clash struct {
	src string // the file in the site folder, "static/feed.xml"
	out string // the output path both want, "feed.xml"
}

func (c clash) problem() diag.Problem {
	addr := "/" + strings.TrimSuffix(c.out, "index.html")
	return diag.Problem{Path: c.src,
		Message: fmt.Sprintf("this file would be published at %s, which the site already makes from its content", addr),
		Hint:    "rename or remove " + c.src}
}
