package site

import (
	"crypto/sha256"
	"errors"
	"hash"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// inputs records what a load read from the site folder: for each path
// opened, a digest of the bytes read from it, of the folder entries
// listed in it and of what a stat of it gave, or that it could not be
// opened. A rebuild uses them to tell which outputs' inputs are unchanged
// (see keys.go): what the load did not read cannot have shaped the model.
type inputs struct {
	mu   sync.Mutex
	seen map[string][]opening // path -> each time it was opened
	// folders lists the paths recorded inside each provider folder;
	// fixed holds the digests of the folders taken from a cache of an
	// earlier load, which stand for what that load read there (see
	// folderCache).
	folders map[string][]string
	fixed   map[string][sha256.Size]byte
}

// opening is one opening of a path: the file (nil when it could not be
// opened) or why it could not be.
type opening struct {
	file *recordedFile
	why  string
}

func newInputs() *inputs {
	return &inputs{seen: map[string][]opening{}, folders: map[string][]string{}, fixed: map[string][sha256.Size]byte{}}
}

// add notes one opening of name and returns its place among them.
func (in *inputs) add(name string, o opening) int {
	in.mu.Lock()
	defer in.mu.Unlock()
	if folder, ok := folderUnder(providerFolders, name); ok && len(in.seen[name]) == 0 {
		in.folders[folder] = append(in.folders[folder], name)
	}
	in.seen[name] = append(in.seen[name], o)
	return len(in.seen[name]) - 1
}

// closed replaces the i-th opening of name, a file now closed, by its
// digest, so that the file and its hash are not kept.
func (in *inputs) closed(name string, i int, digest string) {
	in.mu.Lock()
	in.seen[name][i] = opening{why: digest}
	in.mu.Unlock()
}

// digests lists the digests of the openings of name, sorted, each once: a
// file's is of what was read from it so far, so a file left open still
// counts.
func (in *inputs) digests(name string) []string {
	var out []string
	for _, o := range in.seen[name] {
		if o.file == nil {
			out = append(out, o.why)
			continue
		}
		out = append(out, o.file.current())
	}
	slices.Sort(out)
	return slices.Compact(out) // the same read twice shaped nothing more than once
}

// digest sums the records of the paths that pick accepts, in path order,
// whatever order the load's workers opened them in.
func (in *inputs) digest(pick func(name string) bool) [sha256.Size]byte {
	h := sha256.New()
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, name := range slices.Sorted(maps.Keys(in.seen)) {
		if pick(name) {
			writeRecord(h, name, in.digests(name))
		}
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// byFolder sums, for each provider folder, the records of the paths
// inside it (the folder's own listing included); a folder taken from a
// cache has the digest the cache kept for it instead.
func (in *inputs) byFolder() map[string][sha256.Size]byte {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := make(map[string][sha256.Size]byte, len(in.folders))
	for folder := range in.folders {
		out[folder] = in.folderDigest(folder)
	}
	maps.Copy(out, in.fixed)
	return out
}

// folderDigest sums the records of the paths inside one provider folder,
// in path order. The caller holds in.mu.
func (in *inputs) folderDigest(folder string) [sha256.Size]byte {
	if d, ok := in.fixed[folder]; ok {
		return d
	}
	h := sha256.New()
	for _, name := range slices.Sorted(slices.Values(in.folders[folder])) {
		writeRecord(h, name, in.digests(name))
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// folder is folderDigest for a caller not holding in.mu.
func (in *inputs) folder(folder string) [sha256.Size]byte {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.folderDigest(folder)
}

// fix makes d the digest of folder (see fixed).
func (in *inputs) fix(folder string, d [sha256.Size]byte) {
	in.mu.Lock()
	in.fixed[folder] = d
	in.mu.Unlock()
}

// folderUnder returns the folder directly under dir that holds name (or
// is name), as dir/<folder>.
func folderUnder(dir, name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, dir+"/")
	if !ok || rest == "" {
		return "", false
	}
	first, _, _ := strings.Cut(rest, "/")
	return dir + "/" + first, true
}

// writeRecord writes one path's record to h, lengths first so that no two
// different records read the same.
func writeRecord(h hash.Hash, name string, digests []string) {
	io.WriteString(h, strconv.Itoa(len(name))+":"+name+strconv.Itoa(len(digests))+"\n")
	for _, d := range digests {
		io.WriteString(h, d+"\n")
	}
}

// recordFS is a folder whose openings are recorded in rec, each path with
// prefix before it (the layouts are recorded as "layouts:" + path).
type recordFS struct {
	fs.FS
	rec    *inputs
	prefix string
}

// Open opens name and records the opening (or, when it cannot be opened,
// that it could not).
func (r recordFS) Open(name string) (fs.File, error) {
	f, err := r.FS.Open(name)
	if err != nil {
		why := "missing"
		if !errors.Is(err, fs.ErrNotExist) {
			why = "unreadable"
		}
		r.rec.add(r.prefix+name, opening{why: why})
		return nil, err
	}
	rf := &recordedFile{File: f, name: name, sum: sha256.New(), rec: r.rec, key: r.prefix + name}
	rf.i = r.rec.add(rf.key, opening{file: rf})
	return rf, nil
}

// Lstat states name without following a link at its end, as fsys does,
// recording the kind and size it gave (or that it could not).
func (r recordFS) Lstat(name string) (fs.FileInfo, error) {
	info, err := fs.Lstat(r.FS, name)
	r.rec.add(r.prefix+name, opening{why: stated("l", info, err)})
	return info, err
}

// Stat states name as fsys does, recording the kind and size it gave.
func (r recordFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(r.FS, name)
	r.rec.add(r.prefix+name, opening{why: stated("t", info, err)})
	return info, err
}

// ReadLink reads a link as fsys does (a site folder refuses every link).
func (r recordFS) ReadLink(name string) (string, error) {
	target, err := fs.ReadLink(r.FS, name)
	r.rec.add(r.prefix+name, opening{why: "readlink " + target + unreadable(err)})
	return target, err
}

// stated is the record of a stat: how (op), the kind and size it gave,
// or why it failed.
func stated(op string, info fs.FileInfo, err error) string {
	if err != nil {
		return op + unreadable(err)
	}
	return op + info.Mode().Type().String() + strconv.FormatInt(info.Size(), 10)
}

// unreadable says how an error ended a read: "" for none, else whether
// the path was missing or could not be read.
func unreadable(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, fs.ErrNotExist):
		return " missing"
	}
	return " unreadable"
}

// ReadDir lists a folder as fsys does (an overlay of layouts merges its
// two layers), recording the listing.
func (r recordFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.FS, name)
	h := sha256.New()
	for _, e := range entries {
		io.WriteString(h, "d"+e.Type().String()+strconv.Itoa(len(e.Name()))+":"+e.Name()+"\n")
	}
	if err != nil {
		io.WriteString(h, "unreadable")
	}
	r.rec.add(r.prefix+name+"/", opening{why: string(h.Sum(nil))})
	return entries, err
}

// ReadFile reads a file as fsys does (an overlay of layouts reads the
// site's layer first), recording what it read.
func (r recordFS) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(r.FS, name)
	sum := sha256.Sum256(data)
	why := string(sum[:])
	if err != nil {
		why = "unreadable"
	}
	r.rec.add(r.prefix+name, opening{why: why})
	return data, err
}

// recordedFile sums what is read from it, listed in it and stated of it.
type recordedFile struct {
	fs.File
	name   string
	mu     sync.Mutex
	sum    hash.Hash // nil once closed
	digest string    // once closed
	rec    *inputs
	key    string // the name it is recorded under
	i      int    // its place among the openings of key
}

// Close closes the file and records its digest in place of it.
func (f *recordedFile) Close() error {
	f.mu.Lock()
	sum := f.sum
	if sum != nil {
		f.digest, f.sum = string(sum.Sum(nil)), nil
	}
	f.mu.Unlock()
	if sum != nil {
		f.rec.closed(f.key, f.i, f.digest)
	}
	return f.File.Close()
}

// current is the digest of what was read so far.
func (f *recordedFile) current() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.sum == nil {
		return f.digest
	}
	return string(f.sum.Sum(nil))
}

func (f *recordedFile) note(parts ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.sum == nil {
		return // read after closing: the read fails
	}
	for _, p := range parts {
		io.WriteString(f.sum, p)
	}
}

func (f *recordedFile) Read(b []byte) (int, error) {
	n, err := f.File.Read(b)
	f.mu.Lock()
	if f.sum != nil { // else read after closing: the read fails
		io.WriteString(f.sum, "r"+strconv.Itoa(n)+":")
		f.sum.Write(b[:n])
	}
	f.mu.Unlock()
	return n, err
}

func (f *recordedFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	if err == nil {
		f.note("s", info.Mode().Type().String(), strconv.FormatInt(info.Size(), 10), "\n")
	}
	return info, err
}

// ReadDir lists a folder, as fs.ReadDir needs, noting each entry's name and type.
func (f *recordedFile) ReadDir(n int) ([]fs.DirEntry, error) {
	d, ok := f.File.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: f.name, Err: errors.New("not a folder")}
	}
	entries, err := d.ReadDir(n)
	for _, e := range entries {
		f.note("d", e.Type().String(), strconv.Itoa(len(e.Name())), ":", e.Name(), "\n")
	}
	return entries, err
}
