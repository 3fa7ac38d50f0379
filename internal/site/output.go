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
	"sort"
	"sync"
)

// files is the output of a build: site paths (no leading slash) to bytes.
// Keeping it in memory until every page has rendered means a failed build
// writes nothing at all.
type files map[string][]byte

func (f files) add(name string, data []byte) error {
	name = path.Clean(name)
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("invalid output path %q", name)
	}
	if _, dup := f[name]; dup {
		return fmt.Errorf("two things want the same output file %s", name)
	}
	f[name] = data
	return nil
}

// copyTree adds every file under dir of fsys (skipping hidden ones) under prefix.
func (f files) copyTree(fsys fs.FS, dir, prefix string, overwrite bool) error {
	return fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return nil
			}
			return err
		}
		if e.Name()[0] == '.' && p != dir {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		name := path.Join(prefix, filepath.ToSlash(rel))
		if overwrite {
			f[name] = data
			return nil
		}
		return f.add(name, data)
	})
}

// write puts every file into a new folder beside out and swaps it in, so
// that out is always either the previous site or the complete new one.
func (f files) write(out string) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return err
	}
	if err := f.writeInto(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, out)
}

// writeInto writes every file under dir. Folders are made first, in
// order; files are then written by several goroutines, because writing is
// bound by the file system's latency rather than by the processor.
func (f files) writeInto(dir string) error {
	names := make([]string, 0, len(f))
	dirs := map[string]bool{}
	for n := range f {
		names = append(names, n)
		dirs[filepath.Dir(filepath.Join(dir, filepath.FromSlash(n)))] = true
	}
	sort.Strings(names)
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return parallel(len(names), writers, func(i int) error {
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(names[i])), f[names[i]], 0o644)
	})
}

// writers is how many files are written at once.
const writers = 16

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
