package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
)

// plan is every file of a build, by site path (no leading slash), with
// what makes it. Nothing is made until the plan is written, and each file
// is written as soon as it is made, so a build never holds the whole site
// in memory.
type plan struct {
	files   map[string]output
	first   []string // made first: the slowest files, so that no worker waits for one at the end
	clashes []clash  // files left out because their address was taken
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
	p.files[name] = out
	return nil
}

// copyTree plans a copy of every file under dir of fsys (skipping hidden ones).
func (p *plan) copyTree(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, dir, func(name string, e fs.DirEntry, err error) error {
		switch {
		case err != nil && errors.Is(err, fs.ErrNotExist) && name == dir:
			return nil
		case err != nil:
			return err
		case e.Name()[0] == '.' && name != dir && e.IsDir():
			return fs.SkipDir
		case e.Name()[0] == '.' && name != dir, e.IsDir():
			return nil
		}
		if p.add(name, copyOf(fsys, name)) != nil {
			p.clashes = append(p.clashes, clash{src: "static/" + name, out: name})
		}
		return nil
	})
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

// write makes every file into a new folder beside out and swaps it in, so
// that out is always either the previous site or the complete new one.
func (p *plan) write(out string, workers int) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return err
	}
	if err := p.writeInto(tmp, workers); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, out)
}

// writeInto makes and writes every file under dir: each worker makes a
// file, makes its folder if need be and writes it, so that making
// (processor bound) and writing (bound by the file system) overlap.
func (p *plan) writeInto(dir string, workers int) error {
	names := p.order()
	return parallel(len(names), workers, func(i int) error {
		data, err := p.files[names[i]]()
		if err != nil {
			return err
		}
		name := filepath.Join(dir, filepath.FromSlash(names[i]))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, data, 0o644)
	})
}

// parallel runs do(0) ... do(n-1) on up to workers goroutines and returns
// the error of the lowest index that failed, so that the error reported is
// the same from run to run.
func parallel(n, workers int, do func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstError(errs)
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// swap replaces out with the folder tmp. The old output is moved aside
// first and removed only once the new one is in place.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("moving the previous site aside: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out) //nolint:errcheck // best effort to restore the previous site
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("putting the new site in place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
