package cachefile

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"slices"
	"testing"
)

func sample() (heading []byte, data []byte, want map[string]Entry) {
	heading = Heading("test cache 1", []byte("program"))
	want = map[string]Entry{
		"a":     {Key: Key{1}, Parts: [][]byte{[]byte("first"), {}}},
		"b/c":   {Key: Key{2, 3}, Parts: [][]byte{[]byte("second"), []byte("note")}},
		"empty": {Key: Key{}, Parts: [][]byte{{}, {}}},
	}
	data = bytes.Clone(heading)
	for _, name := range []string{"a", "b/c", "empty"} {
		data = append(data, Record(name, want[name])...)
	}
	return heading, data, want
}

// readAll reads every record of data that Index finds and ReadRecord
// vouches for, as a reader does.
func readAll(data, heading []byte, parts int) map[string]Entry {
	out := map[string]Entry{}
	for name, s := range Index(bytes.NewReader(data), int64(len(data)), heading, parts) {
		if got, e, ok := ReadRecord(bytes.NewReader(data), s, parts); ok && got == name {
			out[name] = e
		}
	}
	return out
}

// TestReadBack reads what Record wrote, and nothing from a cache of
// another kind or program, or with another number of parts.
func TestReadBack(t *testing.T) {
	heading, data, want := sample()
	if got := readAll(data, heading, 2); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for name, h := range map[string][]byte{"kind": Heading("other 1", []byte("program")), "program": Heading("test cache 1", []byte("other"))} {
		if got := readAll(data, h, 2); len(got) != 0 {
			t.Errorf("another %s read %d records", name, len(got))
		}
	}
	if got := readAll(data, heading, 1); len(got) != 0 {
		t.Errorf("records of two parts read as one: %d", len(got))
	}
}

// TestReadDamaged cuts the cache at every byte and changes every byte:
// only whole records come back, each as it was written, and a cut cache
// never gives every record.
func TestReadDamaged(t *testing.T) {
	heading, data, want := sample()
	for i := range data {
		changed := append(append(bytes.Clone(data[:i]), data[i]^0x40), data[i+1:]...)
		for _, d := range [][]byte{data[:i], changed} {
			for name, e := range readAll(d, heading, 2) {
				if !reflect.DeepEqual(e, want[name]) {
					t.Fatalf("damage at byte %d: %q read as %v", i, name, e)
				}
			}
		}
		if got := readAll(data[:i], heading, 2); len(got) == len(want) {
			t.Fatalf("a cache cut at byte %d of %d gave every record", i, len(data))
		}
		if got := readAll(changed, heading, 2); len(got) == len(want) {
			t.Fatalf("a cache with byte %d changed gave every record", i)
		}
	}
}

// TestIndex finds each record of a cache, and ReadRecord reads it back;
// a damaged record is refused.
func TestIndex(t *testing.T) {
	heading, data, want := sample()
	spans := Index(bytes.NewReader(data), int64(len(data)), heading, 2)
	if len(spans) != len(want) {
		t.Fatalf("%d records indexed, want %d", len(spans), len(want))
	}
	for name, s := range spans {
		got, e, ok := ReadRecord(bytes.NewReader(data), s, 2)
		if !ok || got != name || !reflect.DeepEqual(e, want[name]) {
			t.Errorf("%q read back as %q %v %v", name, got, e, ok)
		}
		spoilt := bytes.Clone(data)
		spoilt[s.Off+s.Len-1] ^= 1
		if _, _, ok := ReadRecord(bytes.NewReader(spoilt), s, 2); ok {
			t.Errorf("%q read back with its last byte changed", name)
		}
	}
	if got := Index(bytes.NewReader(data[:len(data)-1]), int64(len(data)-1), heading, 2); len(got) != len(want)-1 {
		t.Errorf("a cache cut short indexed %d records, want %d", len(got), len(want)-1)
	}
}

// FuzzIndex: no input makes Index panic or run out of memory (a length
// beyond the file's end is a record cut short); every span it gives lies
// within the input, and every record ReadRecord vouches for is in the
// input as Record writes it.
func FuzzIndex(f *testing.F) {
	heading, data, _ := sample()
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add(append(bytes.Clone(heading), 1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0, 's'))
	f.Fuzz(func(t *testing.T, b []byte) {
		for name, s := range Index(bytes.NewReader(b), int64(len(b)), heading, 2) {
			if s.Off < int64(len(heading)) || s.Off+s.Len > int64(len(b)) {
				t.Fatalf("record %q at %+v, beyond %d bytes", name, s, len(b))
			}
			if got, e, ok := ReadRecord(bytes.NewReader(b), s, 2); ok && !bytes.Equal(b[s.Off:s.Off+s.Len], Record(got, e)) {
				t.Fatalf("record %q read as %v, not what is there", got, e)
			}
		}
	})
}

// TestIndexHugeLength: a record claiming a name of a terabyte is a record
// cut short, not an allocation of a terabyte.
func TestIndexHugeLength(t *testing.T) {
	heading, _, _ := sample()
	b := append(bytes.Clone(heading), 1)
	b = binary.AppendUvarint(b, 1<<40)
	b = append(b, 0, 's', 'h', 'o', 'r', 't')
	if got := Index(bytes.NewReader(b), int64(len(b)), heading, 1); len(got) != 0 {
		t.Fatalf("read %v", got)
	}
}

// TestRuns: spans that follow one another are joined, in offset order,
// and a gap or a repeat starts a new run; copying the runs copies the
// same bytes as copying the spans one by one in offset order.
func TestRuns(t *testing.T) {
	spans := []Span{{30, 5}, {0, 10}, {10, 5}, {40, 2}, {35, 5}, {50, 1}, {50, 1}}
	want := []Span{{0, 15}, {30, 12}, {50, 1}, {50, 1}}
	if got := Runs(slices.Clone(spans)); !slices.Equal(got, want) {
		t.Errorf("Runs(%v) = %v, want %v", spans, got, want)
	}
	if got := Runs(nil); len(got) != 0 {
		t.Errorf("Runs(nil) = %v", got)
	}
}
