package content

import (
	"crypto/sha256"

	"artsmap/internal/cachefile"
)

// cacheKind names the folder cache in its heading (see cachefile).
const cacheKind = "artsmap provider folder cache 3"

// cacheEntry is one folder's entry: its key, its unit record (JSON, see
// unitRecord) and the note kept with it. The JSON is written and read with
// github.com/goccy/go-json, which decodes the 10,000 records of a large
// site's rebuild in a quarter of encoding/json's time (some 150 ms
// against 590 ms); a record is stored only when it reads back exactly
// (see FolderCache.store), so the two packages' differences cannot
// change a load.
type cacheEntry struct {
	key  [sha256.Size]byte
	unit []byte
	note []byte
}

// cacheHeader begins a cache made by the program salt identifies.
func cacheHeader(salt []byte) []byte { return cachefile.Heading(cacheKind, salt) }

// encode frames the entry of dir.
func (e cacheEntry) encode(dir string) []byte {
	return cachefile.Record(dir, cachefile.Entry{Key: e.key, Parts: [][]byte{e.unit, e.note}})
}

// entry reads the entry of dir from the cache, when it is there whole.
func (c *FolderCache) entry(dir string) (cacheEntry, bool) {
	span, ok := c.spans[dir]
	if !ok {
		return cacheEntry{}, false
	}
	name, e, ok := cachefile.ReadRecord(c.old, span, 2)
	if !ok || name != dir {
		return cacheEntry{}, false
	}
	return cacheEntry{key: e.Key, unit: e.Parts[0], note: e.Parts[1]}, true
}
