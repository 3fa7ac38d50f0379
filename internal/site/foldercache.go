package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"artsmap/internal/content"
)

// cacheLimit is the largest cache file read; a larger one is ignored
// (about 5 KB a provider: 50,000 providers take some 250 MB, read an
// entry at a time).
const cacheLimit = 1 << 30

// Names of the files in a site's cache folder (see folderCache).
const (
	foldersFile = "folders"
	foldersNext = "folders.next"
	cardsFile   = "cards"
	cardsNext   = "cards.next"
	lockFile    = "lock"
)

// folderCache is a build's cache, in a folder of its own under
// Options.CacheDir, one per site folder: the decoded provider folders
// (foldersFile, see content.FolderCache) and the directory cards
// (cardsFile, see cardStore). A build writes a cache only while it holds
// the folder's lock, into its next file (foldersNext, cardsNext), renamed
// over the cache when it is whole; a build that finds the lock taken
// leaves the cache alone. Nothing else is ever written, and only these
// names, in that folder. It is outside the output because it holds the
// whole of every profile, unpublished contact details too.
type folderCache struct {
	dir     string
	salt    []byte // identifies the program (see writeProgram)
	lock    *os.File
	next    *os.File
	w       *bufio.Writer
	folders *content.FolderCache // while the site is loaded
	old     *os.File             // the folders read, while the site is loaded
	cards   *os.File             // the cards read, while the site is built
}

// openFolderCache opens the cache of opts' site for a load recording
// into rec, or returns nil when there is none to use: no CacheDir, no
// site folder on disk, a program that cannot be identified, or another
// build holding the lock.
func openFolderCache(opts Options, rec *inputs) *folderCache {
	if opts.CacheDir == "" || opts.SiteDir == "" {
		return nil
	}
	var salt bytes.Buffer
	if !writeProgram(&salt) {
		return nil
	}
	dir, err := siteCacheDir(opts.CacheDir, opts.SiteDir)
	if err != nil {
		return nil
	}
	c := &folderCache{dir: dir, salt: salt.Bytes()}
	if c.lock, err = lockFolder(dir); err != nil {
		return nil
	}
	now := time.Now
	if opts.cacheNow != nil {
		now = opts.cacheNow
	}
	os.Chtimes(c.path(lockFile), now(), now()) // used now (see trimCaches)
	trimCaches(opts.CacheDir, now())
	if c.next, err = createCacheFile(c.path(foldersNext)); err != nil {
		c.lock.Close()
		return nil
	}
	c.w = bufio.NewWriterSize(c.next, 1<<20)
	var old io.ReaderAt // nil, not a nil *os.File, when there is none
	var size int64
	if c.old, size = openCacheFile(c.path(foldersFile)); c.old != nil {
		old = c.old
	}
	c.folders = content.NewFolderCache(old, size, c.salt, c.w, now())
	c.folders.Note = func(dir string) []byte { d := rec.folder(dir); return d[:] }
	c.folders.Seen = func(dir string, note []byte) {
		if len(note) == sha256.Size {
			rec.fix(dir, [sha256.Size]byte(note))
		}
	}
	return c
}

func (c *folderCache) path(name string) string { return filepath.Join(c.dir, name) }

// siteCacheDir makes (when missing) the cache folder of the site folder
// siteDir under root, a folder named for the site folder's path.
func siteCacheDir(root, siteDir string) (string, error) {
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	dir := filepath.Join(root, "sites", hex.EncodeToString(sum[:12]))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	markCacheFolder(dir)
	return dir, nil
}

// syscallNoFollow opens a file's last part only when it is not a link.
const syscallNoFollow = syscall.O_NOFOLLOW | syscall.O_CLOEXEC

// lockFolder takes the lock of the cache folder dir, or fails at once
// when another build holds it. Closing the file returned unlocks.
func lockFolder(dir string) (*os.File, error) {
	lock, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil, err
	}
	return lock, nil
}

// openCacheFile opens the cache file p for reading, with its size: nil
// when it is missing, not a regular file or larger than cacheLimit.
func openCacheFile(p string) (*os.File, int64) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, 0
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > cacheLimit {
		f.Close()
		return nil, 0
	}
	return f, info.Size()
}

// createCacheFile makes the next file p empty, never through a link.
func createCacheFile(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0o600)
}

// loadCache is the cache to give the load; nil when c is nil.
func (c *folderCache) loadCache() *content.FolderCache {
	if c == nil {
		return nil
	}
	return c.folders
}

// finish ends the load's use of the cache and unlocks it. The cache is
// written anew only when the load stored a folder, or when more than a
// tenth of its entries went unused (folders removed or changed and not
// yet stored again): the folders stored, then those taken, copied as they
// were. Otherwise, or when anything went wrong, the cache is kept as it
// was: a stale entry is only never matched. ok is false when the load
// was stopped. It returns how many folders the load took from the cache.
func (c *folderCache) finish(ok bool) int {
	if c == nil {
		return 0
	}
	defer c.lock.Close() // closing it unlocks
	stats, err := c.folders.Stats()
	if rewrite := stats.Stored > 0 || stats.Taken*10 < stats.Old*9; ok && err == nil && rewrite {
		err = c.folders.KeepTaken()
	} else {
		ok = false
	}
	c.folders = nil // what it read from the cache is let go
	if c.old != nil {
		c.old.Close()
	}
	err = errors.Join(err, c.w.Flush(), c.next.Close())
	next := c.path(foldersNext)
	if !ok || err != nil || os.Rename(next, c.path(foldersFile)) != nil {
		os.Remove(next)
	}
	return stats.Taken
}
