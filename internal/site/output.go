package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"artsmap/internal/diag"
	"artsmap/internal/workers"
)

// plan is every file of a build, by site path (no leading slash), with
// what makes it. Nothing is made until the plan is written, and each file
// is written as soon as it is made, so a build never holds the whole site
// in memory.
type plan struct {
	files   map[string]output
	first   []string // made first: the slowest files, so that no worker waits for one at the end
	clashes []clash  // files left out because their address was taken
	// kill, when not nil, stops a rebuild's commit at a point where it
	// reports true, leaving what a kill there would (tests only).
	kill func(point string) bool
	// keyAll fingerprints the inputs of the files made from one provider
	// alone (see outputKeys), into keys when the plan is written (a check
	// needs none); keys is nil when the build could not key them.
	keyAll func() map[string]outputKey
	keys   map[string]outputKey
	reused int // files a rebuild kept without making them (set by update)
	// looked, when not nil, gives what a look into the output found,
	// taken while the site was loaded (see Build); else write looks.
	looked func() *look
	// cache and cards, when not nil, are the build's cache and the cards
	// it keeps there (see cardStore); done saves the cards.
	cache *folderCache
	cards *cardStore
}

// done ends the plan's use of the cache, keeping the cards it rendered
// for the next build when ok (the files were written). p may be nil.
func (p *plan) done(ok bool) {
	if p != nil {
		p.cache.saveCards(p.cards, ok)
	}
}

func newPlan() *plan { return &plan{files: map[string]output{}} }

// add plans one file, refusing a path that another file already has.
func (p *plan) add(name string, out output) error {
	name = path.Clean(name)
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("invalid output path %q", name)
	}
	if _, dup := p.files[name]; dup {
		return fmt.Errorf("two things want the same output file %s", name)
	}
	p.files[name] = named(name, out)
	return nil
}

// named makes out's errors name the file it was making, so that a failure
// deep in an encoder ("json: unsupported value") says which file it is.
func named(name string, out output) output {
	return func() ([]byte, error) {
		data, err := out()
		if err != nil {
			return nil, fmt.Errorf("making %s: %w", name, err)
		}
		return data, nil
	}
}

// copyTree plans a copy of every file under dir of fsys that is
// published (see published).
func (p *plan) copyTree(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, dir, func(name string, e fs.DirEntry, err error) error {
		switch {
		case err != nil && errors.Is(err, fs.ErrNotExist) && name == dir:
			return nil
		case err != nil:
			return err
		case name != dir && !published(name) && e.IsDir():
			return fs.SkipDir
		case name != dir && !published(name), e.IsDir():
			return nil
		}
		if p.add(name, copyOf(fsys, name)) != nil {
			p.clashes = append(p.clashes, clash{src: "static/" + name, out: name})
		}
		return nil
	})
}

// published reports whether the static file at name (a slash path
// below static/) is published: unless a part of its path is hidden
// (begins with a dot: .env, .git/config). Both build and the preview ask.
func published(name string) bool {
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return false
		}
	}
	return true
}

// copyOf makes a file by reading it from fsys.
func copyOf(fsys fs.FS, name string) output {
	return func() ([]byte, error) { return fs.ReadFile(fsys, name) }
}

// order lists the paths in the order they are made: the slow ones first,
// then the rest A to Z.
func (p *plan) order() []string {
	names := slices.Sorted(maps.Keys(p.files))
	var first []string
	for _, n := range p.first {
		if _, ok := p.files[n]; ok {
			first = append(first, n)
		}
	}
	rest := slices.DeleteFunc(names, func(n string) bool { return slices.Contains(first, n) })
	return append(first, rest...)
}

// lookOut is what a look into out finds (see lookAt).
func (p *plan) lookOut(out string) *look {
	if p.looked != nil {
		return p.looked()
	}
	return lookAt(out)
}

// write makes every file of the plan at out. Into a previous output whose
// marker lists every file it wrote, it writes only what changed (see
// update); otherwise it makes every file into a new folder beside out,
// marked as a build's output before anything else is written into it, and
// swaps it in, so that out is always either the previous site or the
// complete new one. It stops when ctx ends, removing the new folder.
func (p *plan) write(ctx context.Context, out string, workers int) (written, removed int, err error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, 0, err
	}
	if err := removeDebris(out); err != nil {
		return 0, 0, err
	}
	if p.keyAll != nil {
		p.keys = p.keyAll()
	}
	if l := p.lookOut(out); l != nil {
		return p.update(ctx, out, l, workers)
	}
	tmp, err := p.newFolder(out, p.marker())
	g := &gate{}
	if err == nil {
		_, err = p.writeInto(ctx, tmp, workers, g, nil, nil)
	}
	if err == nil && p.keys != nil {
		writeKeys(tmp, keysText(noteKeys(tmp, p.keys), nil))
	}
	if err == nil { // whatever was put at out during the build is refused too
		err = checkOut(out, "")
	}
	if err != nil {
		g.close()
		if tmp != "" {
			removeOutput(tmp) // the build's error matters more; the next build removes what is left
		}
		return 0, 0, err
	}
	return len(p.files), 0, swap(tmp, out)
}

// marker is the marker of an output holding every file the plan holds.
func (p *plan) marker() []byte { return markerFor(slices.Collect(maps.Keys(p.files))) }

// newFolder makes a folder beside out for the build's files, mode 0755,
// and writes marker into it (the plan's: see marker).
func (p *plan) newFolder(out string, marker []byte) (string, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(out), tempPrefix(out)+"new-")
	if err != nil {
		return "", err
	}
	err = os.Chmod(tmp, 0o755)
	if err == nil {
		err = writeFile(filepath.Join(tmp, MarkerName), marker)
	}
	if err != nil {
		removeOutput(tmp)
		return "", err
	}
	return tmp, nil
}

// writeInto makes every file and writes it under dir: each worker makes a
// file, makes its folder if need be and writes it, so that making
// (processor bound) and writing (bound by the file system) overlap. When
// keep is not nil, a file for which it reports true is not written (it is
// already in place). When skip is not nil, a file for which it reports
// true is not even made. writeInto returns the names written, sorted. When
// ctx ends it returns at once; files made after that are not written, as
// g is closed.
func (p *plan) writeInto(ctx context.Context, dir string, n int, g *gate, skip func(name string) bool,
	keep func(name string, data []byte) bool) ([]string, error) {
	names := p.order()
	wrote := make([]bool, len(names))
	err := workers.Run(ctx, len(names), n, func(i int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if skip != nil && skip(names[i]) {
			return nil
		}
		data, err := p.files[names[i]]()
		if err != nil {
			return err
		}
		if keep != nil && keep(names[i], data) {
			return nil
		}
		name := filepath.Join(dir, filepath.FromSlash(names[i]))
		wrote[i] = true
		return g.do(func() error {
			if err := mkdirs(dir, filepath.Dir(name)); err != nil {
				return err
			}
			return writeFile(name, data)
		})
	})
	if err != nil {
		return nil, err
	}
	var written []string
	for i, w := range wrote {
		if w {
			written = append(written, names[i])
		}
	}
	slices.Sort(written)
	return written, nil
}

// mkdirs makes the folder name and those above it up to root, mode 0755
// whatever the umask.
func mkdirs(root, name string) error {
	if _, err := os.Lstat(name); err == nil || name == root {
		return nil
	}
	if err := mkdirs(root, filepath.Dir(name)); err != nil {
		return err
	}
	if err := os.Mkdir(name, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) { // another worker made it
			return nil
		}
		return err
	}
	return os.Chmod(name, 0o755)
}

// writeFile writes a new file of mode 0644, whatever the umask.
func writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// gate lets workers write files until it is closed; closing it waits for
// the writes under way, so that nothing is written into a folder once its
// removal begins, while files still being made are not waited for.
type gate struct {
	mu     sync.RWMutex
	closed bool
}

// do runs write unless the gate is closed.
func (g *gate) do(write func() error) error {
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.closed {
		return context.Canceled
	}
	return write()
}

func (g *gate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}

// swap puts the folder tmp in place of out. Where the system can (Linux),
// the two are exchanged in one step, so that a site is at out at every
// instant; elsewhere out is moved aside and tmp renamed into its place.
// The previous output, now at tmp or beside it, is then removed: it holds
// the marker, or it was empty (checkOut made sure of that).
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			removeOutput(tmp) // as in write
			return fmt.Errorf("putting the new site in place: %w", err)
		}
		return nil
	}
	old, err := exchange(tmp, out)
	if err != nil {
		removeOutput(tmp) // as in write
		return err
	}
	return removeOld(old)
}

// errNoExchange is returned by renameExchange where the file system cannot
// exchange two names in one step.
var errNoExchange = errors.New("atomic exchange not supported")

// exchange puts tmp at out and returns where the previous output now is.
func exchange(tmp, out string) (string, error) {
	if err := renameExchange(tmp, out); err == nil {
		return tmp, nil
	} else if !errors.Is(err, errNoExchange) {
		return "", fmt.Errorf("putting the new site in place: %w", err)
	}
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		return "", fmt.Errorf("moving the previous site aside: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out) // best effort to restore the previous site
		return "", fmt.Errorf("putting the new site in place: %w", err)
	}
	return old, nil
}

// removeOld removes the previous output, now at old: only a real folder
// holding nothing but what its marker lists (or nothing). Anything else
// (a file, a link or files someone put there after the check) is kept
// and named in the error.
func removeOld(old string) error {
	info, err := os.Lstat(old)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("what was at the output folder during the build is %s, not a folder artsmap wrote; the new site is in place and it is kept at %s", kind(info.Mode()), diag.ShowPath(old))
	}
	extra, err := foreign(old)
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		return fmt.Errorf("the previous output folder held files artsmap did not write (%s); the new site is in place and the previous folder is kept at %s", listNames(extra), diag.ShowPath(old))
	}
	return removeOutput(old)
}
