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

	"artsmap/internal/diag"
)

// MarkerName is the file every build writes first into its output folder.
// It lists every file the build wrote (its manifest): a folder holding it
// and nothing else but those files (and the folders they are in) is a
// previous artsmap output, which the next build may change, writing only
// the files whose bytes differ and removing those that went away; build
// changes no other folder that holds anything.
const MarkerName = ".artsmap-output"

// markerNext is where a build writes the output's next marker before
// renaming it over the marker, so that the marker is always whole. A
// build killed in between leaves it, and the next build removes it.
const markerNext = MarkerName + ".next"

// markerText begins the marker; its first line is what is checked, and
// one of the list headings below follows it, then one path a line.
const markerText = "artsmap build output: the next artsmap build replaces this whole folder; keep nothing of yours in it.\n"

// The marker's list headings: every file a build wrote; every file of the
// output before and after a build that was putting its changes in place
// (the next build checks every file's bytes and removes what is not its
// own); or, in outputs of artsmap before it rebuilt in place, only the
// top-level names.
const (
	filesHeading      = "Every file this build wrote, one a line (the next build refuses to change the folder if it holds any other, and removes those that went away):\n"
	committingHeading = "A build was putting its changes in place and did not finish: the next build checks every file. Every file of the output before and after it, one a line:\n"
	topHeading        = "The top-level names this build wrote (the next build refuses to replace the folder if it holds any other):\n"
)

// maxMarker is the largest marker read; a larger one is not a build's.
// At 50,000 providers the manifest is about 25 MB.
const maxMarker = 256 << 20

// listing is what a marker says: the paths it lists, and what they are.
type listing struct {
	paths      map[string]bool
	files      bool // every file the build wrote, not only the top-level names
	committing bool // a build stopped while putting its changes in place
	// exact is set when the marker is, byte for byte, markerFor its paths:
	// a build that keeps the same paths need not write it again.
	exact bool
	dirs  map[string]bool // the folders of the paths, once asked for (see folders)
}

// folders lists every folder that holds one of the listing's paths (see
// folders), worked out on the first call: not for calls from several
// goroutines at once.
func (l *listing) folders() map[string]bool {
	if l.dirs == nil {
		l.dirs = folders(slices.Collect(maps.Keys(l.paths)))
	}
	return l.dirs
}

// markerFor is the marker of an output whose files are files.
func markerFor(files []string) []byte { return markerList(filesHeading, files) }

// markerList is a marker with the given heading and paths, sorted.
func markerList(heading string, paths []string) []byte {
	var b strings.Builder
	b.WriteString(markerText + heading)
	for _, n := range slices.Sorted(slices.Values(paths)) {
		b.WriteString(n + "\n")
	}
	return []byte(b.String())
}

// readMarker reads dir's marker: nil when it is missing, is not a regular
// file, is too large, or is not a build's.
func readMarker(dir string) *listing {
	l := &listing{paths: map[string]bool{}}
	if !scanMarker(dir, l, func(n string) { l.paths[n] = true }) {
		return nil
	}
	return l
}

// scanMarker reads dir's marker as readMarker does, noting its kind in l
// and giving add each path it lists; false when it is not a build's.
func scanMarker(dir string, l *listing, add func(path string)) bool {
	rest, ok := readHeaded(filepath.Join(dir, MarkerName), markerText)
	if !ok {
		return false
	}
	switch {
	case strings.HasPrefix(rest, filesHeading):
		l.files, rest = true, rest[len(filesHeading):]
	case strings.HasPrefix(rest, committingHeading):
		l.files, l.committing, rest = true, true, rest[len(committingHeading):]
	case strings.HasPrefix(rest, topHeading):
		rest = rest[len(topHeading):]
	default:
		return false
	}
	l.exact = l.files && !l.committing && strings.HasSuffix(rest, "\n")
	last := ""
	for n := range strings.SplitSeq(strings.TrimSuffix(rest, "\n"), "\n") {
		if fs.ValidPath(n) && n != "." { // never ../x or /x: a marker may be anyone's
			add(n)
		} else {
			l.exact = false
		}
		l.exact = l.exact && n > last
		last = n
	}
	return true
}

// readHeaded reads the file name, when it is a regular file (not a link)
// of at most maxMarker bytes that begins with heading, and returns what
// follows the heading.
func readHeaded(name, heading string) (string, bool) {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxMarker {
		return "", false
	}
	data, err := os.ReadFile(name)
	rest, ok := strings.CutPrefix(string(data), heading)
	return rest, err == nil && ok
}

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
	extra, err := foreign(out)
	if err != nil {
		return fmt.Errorf("looking into the output folder %s: %w", diag.ShowPath(out), err)
	}
	if len(extra) > 0 {
		return refuse(out, "it holds files artsmap did not write: "+listNames(extra), "move them or choose another -out")
	}
	if cwd, err := os.Getwd(); err == nil && filepath.Clean(out) == cwd {
		return refuse(out, "-out cannot be the current folder", "give a folder inside it, such as -out public, or run artsmap from the folder above")
	}
	return nil
}

// foreign lists the entries of the folder dir that no build wrote: all of
// them but the marker, less the names its manifest lists. A .git entry is
// always foreign, whatever the manifest says. An empty folder, or one
// holding only what its marker lists, has none.
func foreign(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	ours := manifest(dir)
	var extra []string
	for _, e := range entries {
		n := e.Name()
		switch {
		case n == MarkerName && e.Type().IsRegular():
		case (n == markerNext || n == keysName || n == keysNext) && e.Type().IsRegular() && ours != nil:
		case ours[n] && n != ".git" && n != MarkerName:
		default:
			extra = append(extra, n)
		}
	}
	return extra, nil
}

// manifest lists the top-level names that dir's marker lists: none when
// it has no marker a build wrote (see readMarker).
func manifest(dir string) map[string]bool {
	names := map[string]bool{}
	last := ""
	if !scanMarker(dir, &listing{}, func(n string) {
		if top, _, _ := strings.Cut(n, "/"); top != last { // a marker lists paths sorted: a name's paths come together
			names[top], last = true, top
		}
	}) {
		return nil
	}
	return names
}

// hasMarker reports whether dir holds a marker file (a regular file, not a
// link) that a build wrote.
func hasMarker(dir string) bool { return manifest(dir) != nil }

// listNames shows names for a message: the first ten, then how many more.
func listNames(names []string) string {
	shown := make([]string, 0, 10)
	for _, n := range names[:min(len(names), 10)] {
		shown = append(shown, diag.ShowPath(n))
	}
	s := strings.Join(shown, ", ")
	if len(names) > 10 {
		s += fmt.Sprintf(" and %d more", len(names)-10)
	}
	return s
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
// with the build's temporary prefix that hold nothing but a marker file
// and the names it lists (a marker partly written lists none), or nothing
// at all (a build killed before writing it). No other folder is removed.
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
// it holds nothing that its marker does not list (see foreign).
func isDebris(dir string) bool {
	extra, err := foreign(dir)
	return err == nil && len(extra) == 0
}

// removeOutput removes a folder a build wrote, the marker last, so that a
// build killed while removing it leaves a folder the next build still
// recognises as its own. It refuses anything that is not a real folder
// (a symbolic link to one included).
func removeOutput(dir string) error {
	dir = filepath.Clean(dir) // "link/" would be followed
	if info, err := os.Lstat(dir); err != nil {
		return err
	} else if !info.IsDir() {
		return fmt.Errorf("%s is not a folder (%s); it is kept", diag.ShowPath(dir), kind(info.Mode()))
	}
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

// kind names the type of a file that is not a folder, for messages.
func kind(m fs.FileMode) string {
	if m&fs.ModeSymlink != 0 {
		return "a symbolic link"
	}
	if m.IsRegular() {
		return "a file"
	}
	return "a special file"
}
