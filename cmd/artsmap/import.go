package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"artsmap/internal/content"
	"artsmap/internal/diag"
	"artsmap/internal/profileform"
	"artsmap/internal/scaffold"
	"artsmap/internal/site"
)

// imported is one submission written as a profile folder.
type imported struct {
	sub *profileform.Submission
	w   scaffold.Written
}

// runNewFrom is "artsmap new provider -from FILE.csv": each submission of
// the export becomes a profile folder, checked as "check" does; a row
// with a problem is reported and leaves no folder.
func (m *Main) runNewFrom(ctx context.Context, sf siteFlags, file string) int {
	probs, done := m.newFromSite(ctx, sf)
	if done {
		return exitContent
	}
	data, err := readExport(file)
	if err != nil {
		fmt.Fprintf(m.Stderr, "artsmap new: %s\n", diag.ShowText(err.Error()))
		return exitContent
	}
	subs, readProbs := profileform.ReadCSV(file, data)
	probs = append(probs, readProbs...)
	if len(diag.ErrorsOnly(readProbs)) > 0 && len(subs) == 0 {
		printProblems(m.Stderr, probs)
		return exitContent
	}
	place := profileform.PlaceBy(nil)
	if cs, _ := content.Load(site.Folder(sf.dir), content.Options{}); cs != nil { // checked above: only its postcodes are read
		place = profileform.PlaceBy(cs.Postcodes)
	}
	written, writeProbs := m.writeSubmissions(sf.dir, file, subs, place)
	probs = append(probs, writeProbs...)
	kept, checkProbs := m.checkImported(ctx, sf, file, written)
	probs = append(probs, checkProbs...)
	var sorted diag.List
	for _, p := range probs {
		sorted.Add(p)
	}
	printProblems(m.Stderr, sorted.Items())
	for _, im := range kept {
		fmt.Fprintf(m.Stdout, "wrote %s from row %d\n", diag.ShowPath(filepath.Join(sf.dir, filepath.FromSlash(im.w.Dir))), im.sub.Row)
	}
	refused := len(subs) - len(kept)
	fmt.Fprintf(m.Stdout, "%d of %d %s written as profiles", len(kept), len(subs), plural(len(subs), "submission", "submissions"))
	if refused > 0 || len(diag.ErrorsOnly(readProbs)) > 0 {
		fmt.Fprintln(m.Stdout, "; see the problems above for the rest")
		return exitContent
	}
	fmt.Fprintln(m.Stdout, " (drafts): review each with the provider, then remove draft = true to publish it")
	return exitOK
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// newFromSite checks the site before anything is written, so that each
// new profile's problems are its own. done is true when it cannot go on.
func (m *Main) newFromSite(ctx context.Context, sf siteFlags) ([]diag.Problem, bool) {
	res, err := site.Check(sf.options(ctx, ""))
	var de *diag.Error
	if err == nil {
		return nil, false
	}
	if errors.As(err, &de) {
		fmt.Fprintf(m.Stderr, "artsmap new: the site has %s already; run artsmap check and correct them first, so that the new profiles can be checked\n",
			countErrors(len(diag.ErrorsOnly(res.Problems))))
	} else {
		fmt.Fprintf(m.Stderr, "artsmap new: %s\n", diag.ShowText(err.Error()))
	}
	return nil, true
}

// readExport reads the CSV export: a regular file within the limit, not
// a symbolic link (which is not followed).
func readExport(file string) ([]byte, error) {
	info, err := os.Lstat(file)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (a symbolic link is not followed): give the export itself", file)
	}
	if info.Size() > profileform.MaxCSV {
		return nil, fmt.Errorf("%s is %d KB; the limit is %d KB (export fewer submissions at a time)", file, info.Size()>>10, profileform.MaxCSV>>10)
	}
	return os.ReadFile(file)
}

// writeSubmissions writes a folder for each readable submission, stated
// today, and reports the rows it could not write.
func (m *Main) writeSubmissions(dir, file string, subs []*profileform.Submission, place profileform.Place) ([]imported, []diag.Problem) {
	var written []imported
	var probs []diag.Problem
	now := time.Now()
	for _, s := range subs {
		if s.Broken {
			continue
		}
		if w, p := m.writeSubmission(dir, file, s, now, place); len(p) > 0 {
			probs = append(probs, p...)
		} else {
			written = append(written, imported{s, w})
		}
	}
	return written, probs
}

// writeSubmission writes one submission's folder, or says why not.
func (m *Main) writeSubmission(dir, file string, s *profileform.Submission, now time.Time, place profileform.Place) (scaffold.Written, []diag.Problem) {
	line, col := s.At("name")
	if s.Filled() {
		return scaffold.Written{}, []diag.Problem{{Path: file, Line: line, Col: col, Warning: true,
			Message: fmt.Sprintf("row %d filled in the hidden field only robots see, so it is left out", s.Row)}}
	}
	if slug := s.Value(profileform.ProfileField); slug != "" {
		pl, pc := s.At(profileform.ProfileField)
		return scaffold.Written{}, []diag.Problem{{Path: file, Line: pl, Col: pc,
			Message: fmt.Sprintf("row %d asks for a change to the profile %q, so it makes no new profile", s.Row, slug),
			Hint:    "compare the row with content/providers/" + slug + "/index.md and edit the profile by hand"}}
	}
	p, probs := s.Profile(file, now, place)
	if len(probs) > 0 {
		return scaffold.Written{}, probs
	}
	w, err := scaffold.WriteProfile(dir, p)
	if err != nil {
		hint := "correct the name in the row"
		if strings.Contains(err.Error(), "already exists") {
			hint = "if it is a change to that profile, edit the profile by hand with the row's values"
		}
		return scaffold.Written{}, []diag.Problem{{Path: file, Line: line, Col: col,
			Message: fmt.Sprintf("row %d, column %q: %s", s.Row, "name", err), Hint: hint}}
	}
	return w, nil
}

// checkImported checks the site with the new folders in it, as "check"
// does. The folders of rows with errors are removed, and each error is
// reported at the cell its value came from. It returns the rows kept.
func (m *Main) checkImported(ctx context.Context, sf siteFlags, file string, written []imported) ([]imported, []diag.Problem) {
	if len(written) == 0 {
		return nil, nil
	}
	res, err := site.Check(sf.options(ctx, ""))
	var de *diag.Error
	if err != nil && !errors.As(err, &de) {
		removeAll(sf.dir, written)
		return nil, []diag.Problem{{Path: file, Line: 1, Col: 1, Message: "the new profiles could not be checked, so none is kept: " + err.Error()}}
	}
	if outside := outsideErrors(res.Problems, written); len(outside) > 0 {
		removeAll(sf.dir, written) // an error elsewhere: the new folders cannot be trusted
		return nil, append(outside, diag.Problem{Path: file, Line: 1, Col: 1,
			Message: "the site has errors outside the new folders with them in it, so no profile is kept", Hint: "run artsmap check"})
	}
	var out []diag.Problem
	var kept []imported
	for _, im := range written {
		errs := 0
		for _, p := range res.Problems {
			if !strings.HasPrefix(p.Path, im.w.Dir+"/") || p.Note {
				continue // another folder's, or news such as "draft", which every new profile is
			}
			out = append(out, cellProblem(file, im, p))
			if !p.Warning {
				errs++
			}
		}
		if errs == 0 {
			kept = append(kept, im)
		} else if err := scaffold.RemoveProfile(sf.dir, im.w); err != nil {
			out = append(out, diag.Problem{Path: file, Message: fmt.Sprintf("%s could not be removed: %v", im.w.Dir, err)})
		}
	}
	return kept, out
}

// outsideErrors are the errors of a check outside the new folders.
func outsideErrors(probs []diag.Problem, written []imported) []diag.Problem {
	var out []diag.Problem
	for _, p := range diag.ErrorsOnly(probs) {
		if !slices.ContainsFunc(written, func(im imported) bool { return strings.HasPrefix(p.Path, im.w.Dir+"/") }) {
			out = append(out, p)
		}
	}
	return out
}

func removeAll(dir string, ims []imported) {
	for _, im := range ims {
		scaffold.RemoveProfile(dir, im.w)
	}
}

// cellProblem reports a problem of a new profile at the cell of the CSV
// its value came from.
func cellProblem(file string, im imported, p diag.Problem) diag.Problem {
	setting := im.w.Keys[p.Path][p.Line]
	col := profileform.Column(setting)
	line, c := im.sub.At(col)
	return diag.Problem{Path: file, Line: line, Col: c, Warning: p.Warning, Hint: p.Hint,
		Message: fmt.Sprintf("row %d, column %q: %s", im.sub.Row, col, p.Message)}
}
