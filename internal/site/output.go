package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
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

func (f files) writeInto(dir string) error {
	names := make([]string, 0, len(f))
	for n := range f {
		names = append(names, n)
	}
	sort.Strings(names)
	made := map[string]bool{}
	for _, n := range names {
		full := filepath.Join(dir, filepath.FromSlash(n))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, f[n], 0o644); err != nil {
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
