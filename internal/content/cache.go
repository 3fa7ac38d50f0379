package content

import (
	"crypto/sha256"
	"io"
	"io/fs"
	"path"
	"strconv"
	"sync"
	"time"

	"artsmap/internal/cachefile"
	"artsmap/internal/sitefs"
)

// racyMargin is how long before a load a folder's files must have been
// written for the folder to be stored: a folder written just before the
// load might change without its key changing; one written this long
// before cannot.
const racyMargin = sitefs.RacyMargin

// FolderCache keeps, between loads, what each provider folder was decoded
// into: its provider, the text that later checks point into, and its
// problems. Each folder is keyed by the identity of every file in it (see
// sitefs.Identity), by site.toml's bytes and by the load's date; a load
// given a cache takes a folder whose key is unchanged from it instead of
// reading and decoding its files again. A folder is stored only when it
// has no errors, none of its files was written within racyMargin of the
// load's start, and it comes back from its encoding exactly as it was.
// The folders the load stores are written to the writer given to
// NewFolderCache as the load goes; KeepTaken adds those it took, copied
// as they are, so that the writer then holds the cache of the site as it
// is now. A load that stored nothing need not write a new cache at all.
type FolderCache struct {
	// Note, when not nil, is asked what to keep with a folder being
	// stored, once the folder is loaded; Seen is given that back when the
	// folder is taken from the cache. Both are called from several
	// goroutines at once.
	Note func(dir string) []byte
	Seen func(dir string, note []byte)

	start time.Time
	old   io.ReaderAt // the cache an earlier load wrote, read an entry at a time
	spans map[string]cachefile.Span
	taken []cachefile.Span // the entries this load took, to keep
	salt  []byte
	mu    sync.Mutex
	w     io.Writer
	err   error // the first error writing to w
	stats CacheStats
}

// CacheStats counts what a load did with its cache.
type CacheStats struct {
	Taken  int // folders taken from the cache
	Stored int // folders loaded and stored
	Loaded int // folders loaded and not stored (errors, just written, or not keyed)
	Old    int // folders the cache held before the load
}

// NewFolderCache returns a cache holding the entries of old (size bytes
// that an earlier load wrote; nil for none) made by the same program
// (salt identifies it). Entries are read from old one at a time, as they
// are asked for, and those it cannot vouch for are left out. The load's
// entries go to w; start is when the load began.
func NewFolderCache(old io.ReaderAt, size int64, salt []byte, w io.Writer, start time.Time) *FolderCache {
	c := &FolderCache{start: start, w: w, old: old, salt: salt, spans: map[string]cachefile.Span{}}
	if old != nil {
		c.spans = cachefile.Index(io.NewSectionReader(old, 0, size), size, cacheHeader(salt), 2)
	}
	c.stats.Old = len(c.spans)
	c.write(cacheHeader(salt))
	return c
}

// KeepTaken writes the entries the load took from the cache to the
// writer, after those it stored, byte for byte as they were, in the order
// they were in. Call it once the load is done, and before old is closed.
func (c *FolderCache) KeepTaken() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range cachefile.Runs(c.taken) {
		if c.err == nil {
			_, c.err = io.Copy(c.w, io.NewSectionReader(c.old, s.Off, s.Len))
		}
	}
	return c.err
}

// Stats says what the load did with the cache, and the first error
// writing the new entries (which are then incomplete).
func (c *FolderCache) Stats() (CacheStats, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats, c.err
}

func (c *FolderCache) write(parts ...[]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range parts {
		if c.err == nil {
			_, c.err = c.w.Write(p)
		}
	}
}

func (c *FolderCache) count(n *int) {
	c.mu.Lock()
	*n++
	c.mu.Unlock()
}

// folderKey keys the provider folder dir: the site-wide part (shared)
// and, in path order, the path and identity of every entry under dir
// (not of dir itself: its listing shows what was added or removed). ok is
// false when some entry cannot be listed or stated or has no identity;
// recent is true when one was written within racyMargin of the load's
// start.
func (c *FolderCache) folderKey(fsys fs.FS, shared [sha256.Size]byte, dir string) (key [sha256.Size]byte, recent, ok bool) {
	h := sha256.New()
	h.Write(shared[:])
	io.WriteString(h, strconv.Quote(dir)+"\n")
	ok = c.sumFolder(h, fsys, dir, &recent)
	return [sha256.Size]byte(h.Sum(nil)), recent, ok
}

// sumFolder writes the path and identity of each entry under dir to h,
// in path order, noting in recent one written within racyMargin of the
// load's start; false when some entry cannot be listed or stated or has
// no identity.
func (c *FolderCache) sumFolder(h io.Writer, fsys fs.FS, dir string, recent *bool) bool {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		info, err := e.Info() // what the listing knows, or a stat of its own: not a read of the site
		if err != nil {
			return false
		}
		id, changed, known := sitefs.Identity(info)
		if !known {
			return false
		}
		p := path.Join(dir, e.Name())
		*recent = *recent || !changed.Before(c.start.Add(-racyMargin))
		io.WriteString(h, strconv.Quote(p)+" "+id+"\n")
		if e.IsDir() && !c.sumFolder(h, fsys, p, recent) {
			return false
		}
	}
	return true
}

// sharedKey sums what every provider folder's load depends on besides its
// own files: site.toml (the vocabularies, time zone and region) and the
// load's date.
func sharedKey(config []byte, now time.Time) [sha256.Size]byte {
	h := sha256.New()
	io.WriteString(h, "artsmap provider folder key 2\n"+now.Format(time.RFC3339Nano)+" "+now.Location().String()+"\n")
	h.Write(config)
	return [sha256.Size]byte(h.Sum(nil))
}
