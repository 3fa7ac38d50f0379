package site

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// dirent frames one getdents64 record, padded to eight bytes as the
// kernel pads it.
func dirent(name string, typ byte) []byte {
	n := (19 + len(name) + 1 + 7) &^ 7
	b := make([]byte, n)
	binary.LittleEndian.PutUint64(b, 1)
	binary.LittleEndian.PutUint16(b[16:], uint16(n))
	b[18] = typ
	copy(b[19:], name)
	return b
}

// TestAppendDirents: a listing's names and types are read from its
// records, "." and ".." left out; an entry whose type the listing does
// not give (some file systems) is stated to find it, relative to the
// open folder.
func TestAppendDirents(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, "sub"), 0o750)
	os.WriteFile(filepath.Join(root, "file.html"), []byte("x"), 0o640)
	fd, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	var b []byte
	for _, r := range []struct {
		name string
		typ  byte
	}{{".", unix.DT_DIR}, {"..", unix.DT_DIR}, {"file.html", unix.DT_REG}, {"sub", unix.DT_UNKNOWN}, {"link", unix.DT_LNK}, {"a-long-name-of-thirty-one-bytes", unix.DT_FIFO}} {
		b = append(b, dirent(r.name, r.typ)...)
	}
	got := appendDirents(nil, b, fd)
	want := []struct {
		name string
		typ  fs.FileMode
	}{{"file.html", 0}, {"sub", fs.ModeDir}, {"link", fs.ModeSymlink}, {"a-long-name-of-thirty-one-bytes", fs.ModeNamedPipe}}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Name() != w.name || got[i].Type() != w.typ {
			t.Errorf("entry %d: %q %v, want %q %v", i, got[i].Name(), got[i].Type(), w.name, w.typ)
		}
	}
	if got := appendDirents(nil, []byte{1, 2, 3}, fd); len(got) != 0 {
		t.Errorf("a short record gave %v", got)
	}
}
