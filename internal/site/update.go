package site

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"artsmap/internal/workers"
)

// previous returns the marker's listing of out when out is a folder whose
// marker lists every file a build wrote: such an output is updated in
// place (see update). It returns nil for an absent or empty folder, and
// for an output of an artsmap before it rebuilt in place, which lists
// only top-level names: those are replaced whole.
func previous(out string) *listing {
	if info, err := os.Lstat(out); err != nil || !info.IsDir() {
		return nil
	}
	l := readMarker(out)
	if l == nil || !l.files {
		return nil
	}
	return l
}

// update writes the plan into out, a previous output that l looked into,
// changing nothing in out until every file is made: it refuses an out
// holding anything its marker does not list (l.err); makes every file
// not kept by its key and compares it with out's, byte for byte (whatever
// the marker says), writing only the new and changed ones into a new
// folder beside out; checks out again; and then commits (see commit.run).
// It returns how many files it wrote and removed.
func (p *plan) update(ctx context.Context, out string, l *look, n int) (int, int, error) {
	if l.err != nil {
		return 0, 0, l.err
	}
	prev := l.prev
	marker := p.marker()
	stage, err := p.newFolder(out, marker)
	if err != nil {
		return 0, 0, err
	}
	g := &gate{}
	chunks := sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }} // the workers' read buffers
	var madeMu sync.Mutex
	var made []string                // every file made: each is compared
	seen := map[string]fs.FileInfo{} // each found the same, as stated before it was read
	same := func(name string, data []byte) bool {
		var info fs.FileInfo
		ok := false
		if prev.paths[name] {
			buf := chunks.Get().(*[]byte)
			info, ok = sameFile(filepath.Join(out, filepath.FromSlash(name)), data, buf)
			chunks.Put(buf)
		}
		madeMu.Lock()
		defer madeMu.Unlock()
		made = append(made, name)
		if ok {
			seen[name] = info
		}
		return ok
	}
	kept := l.keyed.kept(p.keys)
	changed, err := p.writeInto(ctx, stage, n, g, func(name string) bool { _, ok := kept[name]; return ok }, same)
	if err == nil { // whatever was put in out since it was looked into is refused too
		err = refuseNewStrangers(out, prev, l.states, l.keyed)
	}
	if lost := l.keyed.lost(kept); err == nil && len(lost) > 0 { // removed or replaced since the look
		var more []string
		more, err = p.writeInto(ctx, stage, n, g, func(name string) bool { return !lost[name] }, same)
		changed = slices.Sorted(slices.Values(append(changed, more...)))
	}
	p.reused = len(kept)
	if err == nil {
		p.cards.finishEarly() // every piece is made
	}
	if err != nil {
		g.close()
		removeOutput(stage) // the build's error matters more; the next build removes what is left
		return 0, 0, err
	}
	c := commit{out: out, stage: stage, changed: changed, gone: p.gone(prev, changed), marker: marker, kill: p.kill}
	c.listed = prev.exact && len(c.gone) == 0 && !slices.ContainsFunc(changed, func(n string) bool { return !prev.paths[n] }) &&
		!exists(filepath.Join(out, markerNext))
	var keys <-chan []byte
	if p.keys != nil { // the keys file is made while the commit runs, and written after it
		keys = keysAfter(p.keys, kept, l, noteMade(p.keys, made, seen, changed, stage, out), l.states.settled(c.changed, c.gone))
	}
	if err := c.runWhenNeeded(p.files, prev); err != nil {
		return 0, 0, fmt.Errorf("putting the changes in place (the next build finishes it): %w", err)
	}
	if keys != nil {
		writeKeys(out, <-keys)
	}
	return len(c.changed), len(c.gone), removeOutput(stage)
}

// look is what a rebuild learns of its previous output before it makes
// anything, and may learn while the site is still being loaded (see
// Build): the marker's listing, the state of each folder when it was
// listed (for refuseNewStrangers), the files still as the keys file
// says, and the refusal of an output holding what the marker does not
// list.
type look struct {
	prev    *listing
	states  *folderStates
	keyed   keyedFiles
	settled map[string]string // the folders' identities the keys file gives (see keysText)
	err     error
}

// lookAt looks into out; nil when out is not a previous output to update
// in place (see previous).
func lookAt(out string) *look {
	prev := previous(out)
	if prev == nil {
		return nil
	}
	l := &look{prev: prev, keyed: keyedFiles{}}
	records, settled := readKeyFile(out)
	for name, r := range records {
		if prev.paths[name] {
			l.keyed[name] = &keyedFile{record: r}
		}
	}
	l.settled = settled
	l.states, l.err = refuseStrangers(out, prev, l.keyed, settled)
	return l
}

// keyedFile is a file of out that the keys file notes. unchanged is set
// when the walk of out finds it still what the keys file says (see
// refuseStrangers).
type keyedFile struct {
	record    keyRecord
	unchanged bool
}

// keyedFiles are the files of out that the keys file notes and that out's
// marker lists.
type keyedFiles map[string]*keyedFile

// check notes whether the file rel, met in the walk of out, is still what
// the keys file says: a regular file of the same size and time. Called
// from several goroutines at once, each for files of its own.
func (kf keyedFiles) check(rel string, e fs.DirEntry) {
	if f := kf[rel]; f != nil {
		info, err := e.Info()
		f.unchanged = err == nil && f.record.sameAs(info)
	}
}

// forget marks the files in the folders dirs (slash paths, "." for the
// top) as not known to be unchanged, for a walk of those folders to state
// them again: a file removed, renamed over or replaced since the first
// walk changed its folder.
func (kf keyedFiles) forget(dirs []string) {
	changed := make(map[string]bool, len(dirs))
	for _, d := range dirs {
		changed[d] = true
	}
	for name, f := range kf {
		if changed[path.Dir(name)] {
			f.unchanged = false
		}
	}
}

// lost takes out of kept the files no longer known to be unchanged (see
// forget) and returns them, to be made after all.
func (kf keyedFiles) lost(kept map[string]keyRecord) map[string]bool {
	lost := map[string]bool{}
	for name := range kept {
		if !kf[name].unchanged {
			lost[name] = true
			delete(kept, name)
		}
	}
	return lost
}

// kept lists the records of the files found unchanged whose key is the
// one keys gives: those need not be made again. None when keys is nil.
func (kf keyedFiles) kept(keys map[string]outputKey) map[string]keyRecord {
	if keys == nil {
		return nil
	}
	out := make(map[string]keyRecord, len(kf))
	for name, f := range kf {
		if k, ok := keys[name]; ok && f.unchanged && k == f.record.key {
			out[name] = f.record
		}
	}
	return out
}

// gone lists the files the previous output listed that the plan does not
// hold. written are the files written: every other file of the plan was
// kept or found the same as one prev lists, so when prev lists each of
// written and as many files as the plan holds, none went away.
func (p *plan) gone(prev *listing, written []string) []string {
	if len(p.files) == len(prev.paths) && !slices.ContainsFunc(written, func(n string) bool { return !prev.paths[n] }) {
		return nil
	}
	var gone []string
	for name := range prev.paths {
		if _, ok := p.files[name]; !ok {
			gone = append(gone, name)
		}
	}
	slices.Sort(gone)
	return gone
}

// refuseStrangers refuses an out that is no longer a folder, or that holds
// anything its marker does not list: only the listed files (regular files,
// not links), the folders they are in and the marker may be there. Each
// listed file met is checked against keyed (see keyedFiles.check). It
// returns the states of the folders looked into (see refuseNewStrangers).
// A folder still as settled says the last build left it is not listed (see
// quietFolders): only its keyed files are stated.
func refuseStrangers(out string, prev *listing, keyed keyedFiles, settled map[string]string) (*folderStates, error) {
	if err := checkOut(out, ""); err != nil {
		return nil, err
	}
	st := newStrangers(prev, keyed.check)
	states := newFolderStates()
	var err error
	if len(settled) == 0 {
		err = walkParallel(out, workers.PerCPU(), states, st.visit)
	} else {
		loud, known := quietFolders(out, prev.folders(), settled, states, os.Lstat)
		keyed.checkQuiet(out, states)
		err = walkFolders(out, loud, workers.PerCPU(), states, func(rel string) bool { return known[rel] }, st.visit)
	}
	if err != nil {
		return nil, fmt.Errorf("looking into the output folder: %w", err)
	}
	return states, st.err(out)
}

// refuseNewStrangers refuses out, as refuseStrangers does, when anything
// its marker does not list was put in it since refuseStrangers returned
// states: it lists again only the folders whose state changed since (an
// entry added, removed or renamed changes its folder's modification and
// change times), or that were changed too shortly before they were listed
// for a change since to be seen in their times, or that cannot be stated.
// The files of keyed in those folders are stated again (see
// keyedFiles.forget); keyed may be nil.
func refuseNewStrangers(out string, prev *listing, states *folderStates, keyed keyedFiles) error {
	if err := checkOut(out, ""); err != nil {
		return err
	}
	dirs := states.changed(out)
	keyed.forget(dirs)
	st := newStrangers(prev, keyed.check)
	if err := walkFolders(out, dirs, workers.PerCPU(), nil, states.has, st.visit); err != nil {
		return fmt.Errorf("looking into the output folder: %w", err)
	}
	return st.err(out)
}

// strangers notes, as a walk of out meets them, the entries its marker
// does not list.
type strangers struct {
	prev  *listing
	dirs  map[string]bool // the folders of the listed files
	check func(rel string, e fs.DirEntry)
	mu    sync.Mutex
	extra []string
}

func newStrangers(prev *listing, check func(rel string, e fs.DirEntry)) *strangers {
	return &strangers{prev: prev, dirs: prev.folders(), check: check}
}

// visit notes rel when it is a stranger, and says whether to go into it.
func (s *strangers) visit(rel string, e fs.DirEntry) bool {
	top, _, _ := strings.Cut(rel, "/")
	switch {
	case e.IsDir() && s.dirs[rel] && top != ".git":
		return true
	case e.IsDir():
		s.note(rel + "/")
	case !e.Type().IsRegular() || top == ".git":
		s.note(rel)
	case s.prev.paths[rel]:
		if s.check != nil {
			s.check(rel, e)
		}
	case rel == MarkerName, rel == markerNext, rel == keysName, rel == keysNext:
	default:
		s.note(rel)
	}
	return false
}

func (s *strangers) note(name string) {
	s.mu.Lock()
	s.extra = append(s.extra, name)
	s.mu.Unlock()
}

// err is the refusal of out when a stranger was met.
func (s *strangers) err(out string) error {
	slices.SortFunc(s.extra, comparePaths)
	if len(s.extra) > 0 {
		return refuse(out, "it holds files artsmap did not write: "+listNames(s.extra), "move them or choose another -out")
	}
	return nil
}

// folders lists every folder that holds one of the slash paths, at any depth.
func folders(paths []string) map[string]bool {
	dirs := map[string]bool{}
	for _, p := range paths {
		for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return dirs
}

// sameBytes reports whether name is a regular file (not a link) holding
// exactly data. It reads the file in chunks into a buffer of buf's, so
// that comparing a whole site allocates little.
func sameBytes(name string, data []byte, buf *[]byte) bool {
	_, same := sameFile(name, data, buf)
	return same
}

// sameFile is sameBytes, also giving what the file was stated as before
// it was read: a change to it after that changes its time.
func sameFile(name string, data []byte, buf *[]byte) (fs.FileInfo, bool) {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return nil, false
	}
	// Not following a link at its end, and not waiting on a pipe put in
	// its place since the Lstat; the open file must be the one stated.
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !os.SameFile(info, now) {
		return nil, false
	}
	for rest := data; ; {
		n, err := f.Read(*buf)
		if n > len(rest) || !bytes.Equal((*buf)[:n], rest[:n]) {
			return nil, false
		}
		rest = rest[n:]
		if err == io.EOF {
			return info, len(rest) == 0
		}
		if err != nil {
			return nil, false
		}
	}
}

// exists reports whether name exists (as anything; links not followed).
func exists(name string) bool {
	_, err := os.Lstat(name)
	return err == nil
}
