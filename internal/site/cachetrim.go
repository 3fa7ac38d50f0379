package site

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// cacheUnused is how long a site's cache folder may go unused before a
// build trims it away; trimEvery is how often a build looks.
const (
	cacheUnused = 30 * 24 * time.Hour
	trimEvery   = 24 * time.Hour
)

// trimmedFile, in the cache root, is touched each time the cache is
// trimmed. markFile, in each site's cache folder, says a build made the
// folder: only such a folder is ever trimmed.
const (
	trimmedFile = ".artsmap-trimmed"
	markFile    = "artsmap-cache"
	markText    = "a cache folder of artsmap builds: deleting it is safe\n"
)

// markCacheFolder writes the mark into dir, a site's cache folder just
// made, unless it is there.
func markCacheFolder(dir string) {
	f, err := os.OpenFile(filepath.Join(dir, markFile), os.O_WRONLY|os.O_CREATE|os.O_EXCL|syscallNoFollow, 0o600)
	if err == nil {
		f.WriteString(markText)
		f.Close()
	}
}

// ours reports whether the folder dir holds a build's mark.
func ours(dir string) bool {
	f, size := openCacheFile(filepath.Join(dir, markFile))
	if f == nil {
		return false
	}
	defer f.Close()
	b := make([]byte, min(size, int64(len(markText))+1))
	n, _ := f.Read(b)
	return bytes.Equal(b[:n], []byte(markText))
}

// trimCaches removes, at most once every trimEvery, the cache folders
// under root/sites that a build made and no build has used for
// cacheUnused (their lock file is touched at each use): sites moved or
// deleted, or the temporary sites of tests. A folder holding anything a
// build does not write is left alone. A folder is first renamed aside
// while locked, so that no build uses it as it goes; then the names a
// build writes are removed, then the folder. Nothing else is removed or
// written but the trimmed file's time.
func trimCaches(root string, now time.Time) {
	mark := filepath.Join(root, trimmedFile)
	if info, err := os.Lstat(mark); err == nil && now.Sub(info.ModTime()) < trimEvery {
		return
	}
	if f, err := os.OpenFile(mark, os.O_WRONLY|os.O_CREATE|syscallNoFollow, 0o600); err == nil {
		f.Close()
		os.Chtimes(mark, now, now)
	}
	sites := filepath.Join(root, "sites")
	entries, _ := os.ReadDir(sites)
	for _, e := range entries {
		dir := filepath.Join(sites, e.Name())
		info, err := os.Lstat(filepath.Join(dir, lockFile))
		if e.IsDir() && err == nil && now.Sub(info.ModTime()) >= cacheUnused && ours(dir) && onlyCache(dir) {
			trimFolder(dir)
		}
	}
}

// cacheNames are the names a build writes in a site's cache folder.
var cacheNames = []string{foldersFile, foldersNext, cardsFile, cardsNext, lockFile, markFile}

// onlyCache reports whether the folder dir holds nothing but what builds
// write there.
func onlyCache(dir string) bool {
	entries, err := os.ReadDir(dir)
	for _, e := range entries {
		if !slices.Contains(cacheNames, e.Name()) || !e.Type().IsRegular() {
			return false
		}
	}
	return err == nil
}

// trimFolder removes the cache folder dir, when no build holds it.
func trimFolder(dir string) {
	lock, err := lockFolder(dir)
	if err != nil {
		return // in use
	}
	aside := dir + ".trimmed"
	if _, err := os.Lstat(aside); !os.IsNotExist(err) {
		lock.Close()
		return // a rename would replace what is there
	}
	err = os.Rename(dir, aside)
	lock.Close()
	if err != nil {
		return
	}
	for _, name := range cacheNames {
		os.Remove(filepath.Join(aside, name))
	}
	os.Remove(aside) // only when nothing else is there
}
