package site

import (
	"os"
	"path/filepath"
	"time"
)

// cacheUnused is how long a site's cache folder may go unused before a
// build trims it away; trimEvery is how often a build looks.
const (
	cacheUnused = 30 * 24 * time.Hour
	trimEvery   = 24 * time.Hour
)

// trimmedFile, in the cache root, is touched each time the cache is
// trimmed.
const trimmedFile = "trimmed"

// trimCaches removes, at most once every trimEvery, the cache folders
// under root/sites that no build has used for cacheUnused (their lock
// file is touched at each use): sites moved or deleted, or the temporary
// sites of tests. Only the names a build writes there are removed, then
// the folder if nothing else is in it; anything else is left alone.
func trimCaches(root string, now time.Time) {
	mark := filepath.Join(root, trimmedFile)
	if info, err := os.Lstat(mark); err == nil && now.Sub(info.ModTime()) < trimEvery {
		return
	}
	if f, err := createCacheFile(mark); err == nil {
		f.Close()
	}
	sites := filepath.Join(root, "sites")
	entries, _ := os.ReadDir(sites)
	for _, e := range entries {
		dir := filepath.Join(sites, e.Name())
		info, err := os.Lstat(filepath.Join(dir, lockFile))
		if !e.IsDir() || err != nil || now.Sub(info.ModTime()) < cacheUnused {
			continue
		}
		lock, err := lockFolder(dir)
		if err != nil {
			continue // in use
		}
		for _, name := range []string{foldersFile, foldersNext, cardsFile, cardsNext} {
			os.Remove(filepath.Join(dir, name))
		}
		os.Remove(filepath.Join(dir, lockFile))
		lock.Close()
		os.Remove(dir) // only when nothing else is there
	}
}
