package content

import (
	"crypto/sha256"

	"artsmap/internal/cachefile"
)

// cacheKind names the folder cache in its heading (see cachefile).
const cacheKind = "artsmap provider folder cache 1"

// cacheEntry is one folder's entry: its key, its unit record (JSON, see
// unitRecord) and the note kept with it.
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

// readCacheEntries reads the entries of a cache written by the program
// salt identifies, as far as they can be vouched for.
func readCacheEntries(data, salt []byte) map[string]cacheEntry {
	out := map[string]cacheEntry{}
	for dir, e := range cachefile.Read(data, cacheHeader(salt), 2) {
		out[dir] = cacheEntry{key: e.Key, unit: e.Parts[0], note: e.Parts[1]}
	}
	return out
}
