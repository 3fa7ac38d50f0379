package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// commit puts a rebuild's changes in place in out: the files written into
// stage replace out's, and the files that went away are removed.
type commit struct {
	out, stage    string
	changed, gone []string
	marker        []byte                  // the new output's marker, markerFor every planned file
	kill          func(point string) bool // tests stop the commit here, as a kill would
	// listed is set when out's marker is already marker: the plan adds no
	// file and removes none, and no commit was under way.
	listed bool
}

// runWhenNeeded runs the commit (see run) when anything changed, or when
// out's marker is not the new one (of another wording, or a commit's
// under way). files is every file of the new output.
func (c commit) runWhenNeeded(files map[string]output, prev *listing) error {
	if len(c.changed) == 0 && len(c.gone) == 0 && !exists(filepath.Join(c.out, markerNext)) {
		if c.listed {
			return nil
		}
		buf := make([]byte, 64<<10)
		if sameBytes(filepath.Join(c.out, MarkerName), c.marker, &buf) {
			return nil
		}
	}
	return c.run(slices.Collect(maps.Keys(files)), prev)
}

// errKilled is returned where a test stops a commit.
var errKilled = errors.New("stopped here by the test, as by a kill")

// run commits in the order that lets the next build repair a kill at any
// point: the marker first says a commit is under way and lists every file
// of the output before and after it; the files that went away are removed,
// then the folders left empty; each changed file is renamed over its
// previous version (a file is always whole, old or new); last, the marker
// is replaced by the new one. planned is every file of the new output.
// When the marker already lists just those files (listed), it is written
// neither first nor last: a kill then leaves every file whole and listed,
// and the keys file no longer true of those renamed (see keysName).
func (c commit) run(planned []string, prev *listing) error {
	if !c.listed {
		union := slices.Collect(maps.Keys(prev.paths))
		for _, name := range planned {
			if !prev.paths[name] {
				union = append(union, name)
			}
		}
		if err := c.stop("marker"); err != nil {
			return err
		}
		if err := writeMarker(c.out, markerList(committingHeading, union)); err != nil {
			return err
		}
	}
	if err := c.remove(planned); err != nil {
		return err
	}
	for _, name := range c.changed {
		if err := c.stop("rename " + name); err != nil {
			return err
		}
		to := filepath.Join(c.out, filepath.FromSlash(name))
		if err := mkdirs(c.out, filepath.Dir(to)); err != nil {
			return err
		}
		if err := noLinkAbove(c.out, name); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(c.stage, filepath.FromSlash(name)), to); err != nil {
			return err
		}
	}
	if c.listed {
		return nil
	}
	if err := c.stop("final marker"); err != nil {
		return err
	}
	return writeMarker(c.out, c.marker)
}

// remove removes the files that went away, then the folders that held
// them and hold no planned file, deepest first. What is already gone (a
// build killed while removing it) is no error.
func (c commit) remove(planned []string) error {
	for _, name := range c.gone {
		if err := c.stop("remove " + name); err != nil {
			return err
		}
		if err := noLinkAbove(c.out, name); err != nil {
			return err
		}
		if err := os.Remove(filepath.Join(c.out, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(c.gone) == 0 {
		return nil
	}
	keep := folders(planned)
	var empty []string
	for d := range folders(c.gone) {
		if !keep[d] {
			empty = append(empty, d)
		}
	}
	slices.SortFunc(empty, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, d := range empty {
		if err := os.Remove(filepath.Join(c.out, filepath.FromSlash(d))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// noLinkAbove checks, just before a commit renames or removes the slash
// path name in out, that no folder above it is a symbolic link (or any
// other kind of file): the walk before the commit refused links, and this
// narrows the time in which one put in place since could be followed to
// that of a single call. A folder that is missing (already removed) is no
// error.
func noLinkAbove(out, name string) error {
	dir := out
	parts := strings.Split(name, "/")
	for _, part := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, part)
		info, err := os.Lstat(dir)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if !info.IsDir() {
			return fmt.Errorf("%s became %s during the build; nothing under it was changed (remove it and build again)", dir, kind(info.Mode()))
		}
	}
	return nil
}

// stop reports errKilled when the test's kill says so at point.
func (c commit) stop(point string) error {
	if c.kill != nil && c.kill(point) {
		return errKilled
	}
	return nil
}

// writeMarker replaces out's marker with data in one step: it is written
// beside it (markerNext) and renamed over it.
func writeMarker(out string, data []byte) error {
	next := filepath.Join(out, markerNext)
	if info, err := os.Lstat(next); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("%s is %s, not a marker artsmap wrote", next, kind(info.Mode()))
	}
	if err := os.Remove(next); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := writeFile(next, data); err != nil {
		return err
	}
	return os.Rename(next, filepath.Join(out, MarkerName))
}
