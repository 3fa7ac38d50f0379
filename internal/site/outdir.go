package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"artsmap/internal/diag"
)

// MarkerName is the file every build writes first into its output folder.
// A folder holding it is a previous artsmap output, which the next build
// may replace whole; build replaces no other folder that holds anything.
const MarkerName = ".artsmap-output"

// markerText is the marker's content; its first line is what is checked.
const markerText = "artsmap build output: the next artsmap build replaces this whole folder; keep nothing of yours in it.\n"

// tempPrefix begins the name of the folders a build writes beside out:
// ".public.artsmap-" for out = public.
func tempPrefix(out string) string { return "." + filepath.Base(out) + ".artsmap-" }

// refuse is the error of an output folder a build will not replace.
func refuse(out, why, fix string) error {
	return fmt.Errorf("will not build into %s: %s; nothing was changed (%s)", diag.ShowPath(out), why, fix)
}

// checkOut refuses an output that a build must not replace: the site
// folder, a folder holding it or inside its content/, layouts/ or static/,
// a symbolic link, a file, or a folder that holds anything and is not
// marked as a previous output. It changes nothing.
func checkOut(out, siteDir string) error {
	if out == "" {
		return errors.New("no output folder given")
	}
	if siteDir != "" {
		if err := checkNotSite(out, siteDir); err != nil {
			return err
		}
	}
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("looking at the output folder %s: %w", diag.ShowPath(out), err)
	case info.Mode()&fs.ModeSymlink != 0:
		return refuse(out, "it is a symbolic link, and build does not follow links", "give the folder the link points to, or a new folder")
	case !info.IsDir():
		return refuse(out, "it is a file, not a folder", "give a new folder for -out, such as SITE/public")
	}
	marked, empty, err := outputState(out)
	if err != nil {
		return fmt.Errorf("looking into the output folder %s: %w", diag.ShowPath(out), err)
	}
	if !marked && !empty {
		return refuse(out, "it holds files that artsmap did not write (it has no "+MarkerName+" file)",
			"give an empty or new folder for -out; if it is an old artsmap output, delete it yourself first")
	}
	return nil
}

// outputState reports whether dir holds the marker of a previous output,
// and whether it is empty.
func outputState(dir string) (marked, empty bool, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, false, err
	}
	return hasMarker(dir), len(entries) == 0, nil
}

// hasMarker reports whether dir holds a marker file (a regular file, not a
// link) that a build wrote.
func hasMarker(dir string) bool {
	name := filepath.Join(dir, MarkerName)
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() > 4096 {
		return false
	}
	data, err := os.ReadFile(name)
	return err == nil && strings.HasPrefix(string(data), firstLine(markerText))
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// checkNotSite refuses an output that is the site folder, holds it, or lies
// inside its content/, layouts/ or static/. Both paths are compared made
// absolute, with symbolic links in them resolved.
func checkNotSite(out, siteDir string) error {
	o, err := resolve(out)
	if err != nil {
		return fmt.Errorf("looking at the output folder %s: %w", diag.ShowPath(out), err)
	}
	s, err := resolve(siteDir)
	if err != nil {
		return fmt.Errorf("looking at the site folder %s: %w", diag.ShowPath(siteDir), err)
	}
	fix := "give a folder of its own, such as SITE/public"
	switch {
	case o == s:
		return refuse(out, "it is the site folder itself", fix)
	case within(s, o):
		return refuse(out, "it holds the site folder "+diag.ShowPath(siteDir), fix)
	}
	for _, d := range []string{"content", "layouts", "static"} {
		if within(o, filepath.Join(s, d)) {
			return refuse(out, "it is inside the site's "+d+"/ folder", fix)
		}
	}
	return nil
}

// within reports whether p is dir or lies inside it (both absolute and clean).
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve makes p absolute and clean, resolving symbolic links in the part
// of it that exists (a final link included: the site may be reached through one).
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(dir) == dir {
			return "", err
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// removeDebris removes what killed builds left beside out: folders named
// with the build's temporary prefix that hold the marker, or nothing but
// a marker file (a build killed while writing it), or nothing at all (a
// build killed before writing it). No other folder is removed.
func removeDebris(out string) error {
	parent := filepath.Dir(out)
	entries, err := os.ReadDir(parent)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := filepath.Join(parent, e.Name())
		if !strings.HasPrefix(e.Name(), tempPrefix(out)) || !e.Type().IsDir() || !isDebris(p) {
			continue
		}
		if err := removeOutput(p); err != nil {
			return fmt.Errorf("removing what an earlier build left, %s: %w", diag.ShowPath(p), err)
		}
	}
	return nil
}

// isDebris reports whether a folder with the temporary prefix is a build's:
// it holds the marker, or nothing but a marker file, or nothing.
func isDebris(dir string) bool {
	if hasMarker(dir) {
		return true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	return len(entries) == 0 || len(entries) == 1 && entries[0].Name() == MarkerName && entries[0].Type().IsRegular()
}

// removeOutput removes a folder a build wrote, the marker last, so that a
// build killed while removing it leaves a folder the next build still
// recognises as its own.
func removeOutput(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() != MarkerName {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return os.RemoveAll(dir)
}
