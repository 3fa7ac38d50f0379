// Package cachefile owns the framing of artsmap's cache files: after a
// heading naming the kind of cache and the program that wrote it, records
// of a name, a key and parts, each record with a checksum, so that a
// reader takes only what a writer of the same program wrote whole. The
// checksum is a CRC-32C (in the processor on most machines): it finds a
// record torn or garbled on the disk, which is all it is for; the cache
// folder is the user's own, and whoever can write there could write any
// checksum. A
// reader indexes a file (Index) and reads the records it needs one at a
// time (ReadRecord), never holding the whole file.
package cachefile

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"io"
	"slices"
)

// Key is what a record is kept under, besides its name.
type Key = [sha256.Size]byte

// Entry is one record: its key and its parts.
type Entry struct {
	Key   Key
	Parts [][]byte
}

// Heading begins a cache of the given kind written by the program that
// salt identifies.
func Heading(kind string, salt []byte) []byte {
	sum := sha256.Sum256(salt)
	return append([]byte(kind+"\n"), sum[:]...)
}

// sumSize is the length of a record's checksum.
const sumSize = 4

// castagnoli is the CRC-32C table.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Record frames the entry named name: the number of parts, the lengths
// of the name and of each part, the name, the key, a checksum of it all,
// then the parts.
func Record(name string, e Entry) []byte {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(e.Parts)))
	b = binary.AppendUvarint(b, uint64(len(name)))
	for _, p := range e.Parts {
		b = binary.AppendUvarint(b, uint64(len(p)))
	}
	b = append(b, name...)
	b = append(b, e.Key[:]...)
	b = binary.LittleEndian.AppendUint32(b, checksum(name, e))
	for _, p := range e.Parts {
		b = append(b, p...)
	}
	return b
}

func checksum(name string, e Entry) uint32 {
	var n [binary.MaxVarintLen64]byte
	sum := crc32.Update(0, castagnoli, binary.AppendUvarint(n[:0], uint64(len(name))))
	sum = crc32.Update(sum, castagnoli, []byte(name))
	sum = crc32.Update(sum, castagnoli, binary.AppendUvarint(n[:0], sha256.Size))
	sum = crc32.Update(sum, castagnoli, e.Key[:])
	for _, part := range e.Parts {
		sum = crc32.Update(sum, castagnoli, binary.AppendUvarint(n[:0], uint64(len(part))))
		sum = crc32.Update(sum, castagnoli, part)
	}
	return sum
}

// next reads the record at the start of b, which must have parts parts.
func next(b []byte, parts int) (string, Entry, []byte, bool) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n != uint64(parts) {
		return "", Entry{}, nil, false
	}
	b = b[w:]
	lens := make([]uint64, parts+1)
	total := uint64(sha256.Size + sumSize)
	for i := range lens {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)) {
			return "", Entry{}, nil, false
		}
		lens[i], b, total = n, b[w:], total+n
	}
	if total > uint64(len(b)) {
		return "", Entry{}, nil, false
	}
	name := string(b[:lens[0]])
	b = b[lens[0]:]
	e := Entry{Key: Key(b[:sha256.Size])}
	sum := binary.LittleEndian.Uint32(b[sha256.Size:])
	b = b[sha256.Size+sumSize:]
	for _, n := range lens[1:] {
		e.Parts = append(e.Parts, b[:n:n])
		b = b[n:]
	}
	if checksum(name, e) != sum {
		return "", Entry{}, nil, false
	}
	return name, e, b, true
}

// Span is where a record is in a cache file: its offset and length.
type Span struct{ Off, Len int64 }

// Runs sorts spans by offset and joins those that follow one another, so
// that records kept as they were are copied in a few reads, not one each.
func Runs(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Off, b.Off) })
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1].Off+out[n-1].Len == s.Off {
			out[n-1].Len += s.Len
			continue
		}
		out = append(out, s)
	}
	return out
}

// Index lists where each record of the cache read from r (size bytes)
// is, by name, holding one record's name at a time: a cache larger than
// is worth holding in memory is read a record at a time with
// ReadRecord. It stops at the first record it cannot frame (the
// checksums are checked by ReadRecord); a cache with another heading
// gives nothing.
func Index(r io.Reader, size int64, heading []byte, parts int) map[string]Span {
	out := map[string]Span{}
	br := bufio.NewReaderSize(r, 1<<16)
	head := make([]byte, len(heading))
	if _, err := io.ReadFull(br, head); err != nil || !bytes.Equal(head, heading) {
		return out
	}
	off := int64(len(heading))
	for {
		name, n, ok := skipRecord(br, parts, size-off)
		if !ok {
			return out
		}
		out[name] = Span{off, n}
		off += n
	}
}

// maxName is the longest name a record may have.
const maxName = 1 << 16

// skipRecord reads past the record at the start of br, at most left bytes
// long, returning its name and length.
func skipRecord(br *bufio.Reader, parts int, left int64) (string, int64, bool) {
	counted := &countingReader{r: br}
	n, err := binary.ReadUvarint(counted)
	if err != nil || n != uint64(parts) {
		return "", 0, false
	}
	lens := make([]uint64, parts+1)
	total := uint64(sha256.Size + sumSize)
	for i := range lens {
		if lens[i], err = binary.ReadUvarint(counted); err != nil || lens[i] > uint64(max(left, 0)) {
			return "", 0, false
		}
		total += lens[i]
	}
	if lens[0] > maxName || int64(total)+counted.n > left {
		return "", 0, false
	}
	name := make([]byte, lens[0])
	if _, err := io.ReadFull(br, name); err != nil {
		return "", 0, false
	}
	rest := total - lens[0]
	if d, err := br.Discard(int(rest)); err != nil || uint64(d) != rest {
		return "", 0, false
	}
	return string(name), counted.n + int64(total), true
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r *bufio.Reader
	n int64
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// ReadRecord reads the record at s of r and checks it: false when it is
// not whole or not what was written.
func ReadRecord(r io.ReaderAt, s Span, parts int) (string, Entry, bool) {
	b := make([]byte, s.Len)
	if _, err := r.ReadAt(b, s.Off); err != nil {
		return "", Entry{}, false
	}
	name, e, rest, ok := next(b, parts)
	return name, e, ok && len(rest) == 0
}
