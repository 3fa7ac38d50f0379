package openreferral

import (
	"encoding/binary"
	"strings"
)

// encode writes n as decodeNoted reads it: its slug, then for each kind
// of item the number of items and each one's path and list entry, every
// string after its length.
func (n noted) encode() []byte {
	var b []byte
	b = appendString(b, n.slug)
	for k := range n.paths {
		b = binary.AppendUvarint(b, uint64(len(n.paths[k])))
		for i, p := range n.paths[k] {
			b = appendString(b, p)
			b = appendString(b, string(n.entries[k][i]))
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// decodeNoted reads what noted.encode wrote; false when b is not that
// whole, with a path in a folder and entries that begin as JSON objects
// do (an entry is checked in full when its page is encoded).
func decodeNoted(b []byte) (noted, bool) {
	r := reader{b: b}
	n := noted{slug: r.string()}
	for k := range n.paths {
		count := r.uvarint()
		if count > uint64(len(b)) {
			return noted{}, false
		}
		for range count {
			p, e := r.string(), r.bytes()
			if r.bad || !strings.Contains(p, "/") || len(e) == 0 || e[0] != '{' {
				return noted{}, false
			}
			n.paths[k] = append(n.paths[k], p)
			n.entries[k] = append(n.entries[k], e)
		}
	}
	return n, !r.bad && len(r.b) == 0 && n.slug != ""
}

// below reports whether every item's path is an item of its kind below
// the export's folder root, as noteOne names them: a note read back is
// trusted no further.
func (n noted) below(root string) bool {
	for k := range n.paths {
		prefix := root + "/" + streamedDirs[k] + "/"
		for _, p := range n.paths[k] {
			if id, ok := strings.CutPrefix(p, prefix); !ok || id == "" || strings.Contains(id, "/") {
				return false
			}
		}
	}
	return true
}

// reader reads what encode wrote, noting when it cannot.
type reader struct {
	b   []byte
	bad bool
}

// uvarint reads a number as binary.AppendUvarint writes it, in as few
// bytes as it can be.
func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	var shortest [binary.MaxVarintLen64]byte
	if n <= 0 || binary.PutUvarint(shortest[:], v) != n {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if r.bad || n > uint64(len(r.b)) {
		r.bad = true
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) string() string { return string(r.bytes()) }
