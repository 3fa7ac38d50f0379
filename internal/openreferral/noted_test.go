package openreferral

import (
	"bytes"
	"errors"
	"reflect"
	"sync"
	"testing"
)

// TestStreamFilesWithNotesKept: with a Noted that keeps what it is given,
// the files are the same, byte for byte, when the notes are made and when
// they are all taken; and a note that cannot be read, or a Noted that
// fails, is made again rather than trusted.
func TestStreamFilesWithNotesKept(t *testing.T) {
	d := richer(40)
	want := encodeAll(t, StreamFiles(d, Dir, 3))
	var mu sync.Mutex
	kept, made := map[int][]byte{}, 0
	d.Noted = func(i int, make func() ([]byte, error)) ([]byte, error) {
		mu.Lock()
		b, ok := kept[i]
		mu.Unlock()
		if ok {
			return b, nil
		}
		b, err := make()
		mu.Lock()
		kept[i], made = b, made+1
		mu.Unlock()
		return b, err
	}
	for round := range 2 {
		if got := encodeAll(t, StreamFiles(d, Dir, 3)); !reflect.DeepEqual(got, want) {
			t.Errorf("round %d: the files differ from those made without notes kept", round)
		}
	}
	if made != 40 {
		t.Errorf("made %d notes over two rounds, want each of the 40 providers' once", made)
	}
	kept[3] = kept[3][:len(kept[3])/2]
	kept[5] = []byte("not a note")
	if got := encodeAll(t, StreamFiles(d, Dir, 3)); !reflect.DeepEqual(got, want) {
		t.Error("notes cut short or of another form were trusted")
	}
	d.Noted = func(int, func() ([]byte, error)) ([]byte, error) { return nil, errors.New("cannot") }
	if got := encodeAll(t, StreamFiles(d, Dir, 3)); !reflect.DeepEqual(got, want) {
		t.Error("a failing Noted changed the files")
	}
}

func encodeAll(t *testing.T, files []File) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range files {
		b, err := f.Encode()
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		out[f.Path] = string(b)
	}
	return out
}

// FuzzDecodeNoted: no input makes decodeNoted panic or allocate past its
// length, and whatever it reads it writes back the same.
func FuzzDecodeNoted(f *testing.F) {
	n := noted{slug: "artlift"}
	n.paths[serviceItems] = []string{"openreferral/services/1"}
	n.entries[serviceItems] = [][]byte{[]byte(`{"id":"1"}`)}
	f.Add(n.encode())
	f.Add([]byte{7, 'a', 'r', 't', 'l', 'i', 'f', 't', 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, ok := decodeNoted(b); ok && !bytes.Equal(got.encode(), b) {
			t.Fatalf("decodeNoted(%q) = %+v, written back differently", b, got)
		}
	})
}

// TestNotedReadBack: what noteOne notes of each provider reads back the
// same.
func TestNotedReadBack(t *testing.T) {
	d := richer(12)
	s := newStream(d, Dir)
	for i := range d.count() {
		n := s.noteOne(d.provider(i), Dir)
		got, ok := decodeNoted(n.encode())
		if !ok || !reflect.DeepEqual(got, n) {
			t.Errorf("provider %d: noted %+v, read back %+v (%t)", i, n, got, ok)
		}
	}
}

// TestNotedOutsideTheExport: a kept note whose item paths are not items
// of their kind below the export (as a note written by hand into the
// cache might be) is made again, not trusted.
func TestNotedOutsideTheExport(t *testing.T) {
	d := richer(12)
	want := encodeAll(t, StreamFiles(d, Dir, 3))
	for _, bad := range []string{"x/y", Dir + "/services/", Dir + "/organizations/a", Dir + "/services/a/b"} {
		d.Noted = func(i int, make func() ([]byte, error)) ([]byte, error) {
			n := noted{slug: "s"}
			n.paths[serviceItems] = []string{bad}
			n.entries[serviceItems] = [][]byte{[]byte(`{}`)}
			return n.encode(), nil
		}
		if got := encodeAll(t, StreamFiles(d, Dir, 3)); !reflect.DeepEqual(got, want) {
			t.Errorf("a note listing %q was trusted", bad)
		}
	}
}
