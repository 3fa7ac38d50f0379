package cachefile

import (
	"bytes"
	"encoding/binary"
	"maps"
	"reflect"
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

// TestReadBack reads what Record wrote, and nothing from a cache of
// another kind or program, or with another number of parts.
func TestReadBack(t *testing.T) {
	heading, data, want := sample()
	if got := Read(data, heading, 2); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for name, h := range map[string][]byte{"kind": Heading("other 1", []byte("program")), "program": Heading("test cache 1", []byte("other"))} {
		if got := Read(data, h, 2); len(got) != 0 {
			t.Errorf("another %s read %d records", name, len(got))
		}
	}
	if got := Read(data, heading, 1); len(got) != 0 {
		t.Errorf("records of two parts read as one: %d", len(got))
	}
}

// TestReadDamaged cuts the cache at every byte and changes every byte:
// only whole records come back, each as it was written.
func TestReadDamaged(t *testing.T) {
	heading, data, want := sample()
	for i := range data {
		for _, d := range [][]byte{data[:i], append(append(bytes.Clone(data[:i]), data[i]^0x40), data[i+1:]...)} {
			got := Read(d, heading, 2)
			for name, e := range got {
				if !reflect.DeepEqual(e, want[name]) {
					t.Fatalf("damage at byte %d: %q read as %v", i, name, e)
				}
			}
			if i >= len(heading) && len(got) == len(want) && !bytes.Equal(d, data) {
				if maps.EqualFunc(got, want, func(a, b Entry) bool { return reflect.DeepEqual(a, b) }) && len(d) < len(data) {
					t.Fatalf("a cache cut at %d read whole", i)
				}
			}
		}
	}
}

// FuzzRead: no input makes Read panic or return a record it cannot vouch for.
func FuzzRead(f *testing.F) {
	heading, data, _ := sample()
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		for name, e := range Read(b, heading, 2) {
			if len(e.Parts) != 2 || checksum(name, e) == (Key{}) {
				t.Fatalf("record %q with %d parts", name, len(e.Parts))
			}
		}
	})
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
// beyond the file's end is a record cut short), and every span it gives
// lies within the input.
func FuzzIndex(f *testing.F) {
	heading, data, _ := sample()
	f.Add(data)
	f.Add(append(bytes.Clone(heading), 1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0, 's'))
	f.Fuzz(func(t *testing.T, b []byte) {
		for name, s := range Index(bytes.NewReader(b), int64(len(b)), heading, 2) {
			if s.Off < int64(len(heading)) || s.Off+s.Len > int64(len(b)) {
				t.Fatalf("record %q at %+v, beyond %d bytes", name, s, len(b))
			}
			ReadRecord(bytes.NewReader(b), s, 2)
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
