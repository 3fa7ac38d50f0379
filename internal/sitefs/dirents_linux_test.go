package sitefs

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// dirent64 frames one getdents64 record, padded to eight bytes as the
// kernel pads it.
func dirent64(name string, typ byte) []byte {
	n := (19 + len(name) + 1 + 7) &^ 7
	b := make([]byte, n)
	binary.NativeEndian.PutUint64(b, 1)
	binary.NativeEndian.PutUint16(b[16:], uint16(n))
	b[18] = typ
	copy(b[19:], name)
	return b
}

// TestAppendDirents: a listing's names and types are read from its
// records, "." and ".." left out; an entry whose type the listing does
// not give (some file systems) is stated to find it, and left out when it
// is gone; a record that cannot be framed fails the listing.
func TestAppendDirents(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, "sub"), 0o750)
	var b []byte
	for _, r := range []struct {
		name string
		typ  byte
	}{{".", unix.DT_DIR}, {"..", unix.DT_DIR}, {"file.html", unix.DT_REG}, {"sub", unix.DT_UNKNOWN}, {"gone", unix.DT_UNKNOWN}, {"link", unix.DT_LNK}, {"a-long-name-of-thirty-one-bytes", unix.DT_FIFO}} {
		b = append(b, dirent64(r.name, r.typ)...)
	}
	got, ok := AppendDirents(nil, b, folderPath(root))
	if !ok {
		t.Fatal("a whole listing could not be framed")
	}
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
	for _, bad := range [][]byte{append(b, 1, 2, 3), dirent64("", unix.DT_REG), dirent64("a/b", unix.DT_REG), dirent64("x", unix.DT_REG)[:19]} {
		if _, ok := AppendDirents(nil, bad, folderPath(root)); ok {
			t.Errorf("a listing ending %v was read", bad[max(len(bad)-24, 0):])
		}
	}
}

// TestReadDirQuick: the quick listing gives what os.ReadDir gives, sorted,
// each entry's Info what Lstat says; it refuses (so that ReadDir says
// why) a folder reached through a link, a file, and a path leaving the
// site folder.
func TestReadDirQuick(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"a/b", "a/c", "elsewhere"} {
		os.MkdirAll(filepath.Join(root, d), 0o750)
	}
	os.WriteFile(filepath.Join(root, "a", "z.md"), []byte("twelve bytes"), 0o640)
	os.Symlink("../elsewhere", filepath.Join(root, "a", "l"))
	os.Symlink("a", filepath.Join(root, "la"))
	got, ok := readDirQuick(root, "a")
	want, err := os.ReadDir(filepath.Join(root, "a"))
	if !ok || err != nil || len(got) != len(want) {
		t.Fatalf("listed %v (%v), want %v (%v)", got, ok, want, err)
	}
	for i := range want {
		gi, err := got[i].Info()
		wi, err2 := want[i].Info()
		if got[i].Name() != want[i].Name() || got[i].Type() != want[i].Type() || err != nil || err2 != nil ||
			gi.Size() != wi.Size() || gi.Mode() != wi.Mode() || !gi.ModTime().Equal(wi.ModTime()) {
			t.Errorf("entry %d: %s %v, want %s %v", i, got[i].Name(), got[i].Type(), want[i].Name(), want[i].Type())
		}
	}
	for _, name := range []string{".", "la", "la/b", "a/l", "a/z.md", "../" + filepath.Base(root), "missing"} {
		if list, ok := readDirQuick(root, name); ok {
			t.Errorf("%s: listed %v, want a refusal", name, list)
		}
	}
}

// goneStater states nothing: every entry is gone.
type goneStater struct{}

func (goneStater) Lstat(string) (fs.FileInfo, error) { return nil, fs.ErrNotExist }

// FuzzAppendDirents: any bytes framed as a listing give entries with a
// name of their own (not empty, not "." or "..", no zero byte, no slash)
// or a refusal, never a panic.
func FuzzAppendDirents(f *testing.F) {
	f.Add(append(dirent64("index.html", unix.DT_REG), dirent64("x", unix.DT_UNKNOWN)...))
	f.Add(dirent64("..", unix.DT_DIR))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, _ := AppendDirents(nil, b, goneStater{})
		for _, e := range entries {
			n := e.Name()
			if n == "" || n == "." || n == ".." || strings.ContainsAny(n, "\x00/") {
				t.Errorf("entry named %q", n)
			}
		}
	})
}
