package site

import (
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// keysName is the file beside the marker in which a build notes, for each
// file it keyed (see outputKeys), the key and the size and modification
// time the file had when it was known to hold the bytes of that key. A
// rebuild keeps such a file without making it again only when its key is
// the same and the file still has that size and time: a file changed by
// hand, or written by a commit that was killed, is made and compared as
// any other. Netlify does not publish files whose names begin with a dot.
const keysName = ".artsmap-keys"

// keysNext is where the keys are written before being renamed over keysName.
const keysNext = keysName + ".next"

// keysHeading begins the keys file; a file without it is not read.
const keysHeading = "artsmap output keys: key, size, modification time and path of each file, one a line\n"

// keyRecord is what the keys file says of one file.
type keyRecord struct {
	key   outputKey
	size  int64
	mtime int64 // nanoseconds since 1970
}

// readKeys reads the records of out's keys file (see readKeyFile).
func readKeys(out string) map[string]keyRecord {
	records, _ := readKeyFile(out)
	return records
}

// readKeyFile reads out's keys file: its records by path, and the
// identities of the folders it gives (see keysText), also by path. Both
// are nil when it is missing, is not a regular file, is too large, or is
// not one a build wrote. Lines it cannot read are left out.
func readKeyFile(out string) (map[string]keyRecord, map[string]string) {
	rest, ok := readHeaded(filepath.Join(out, keysName), keysHeading)
	if !ok {
		return nil, nil
	}
	records, settled := map[string]keyRecord{}, map[string]string{}
	for line := range strings.SplitSeq(rest, "\n") { // each kept is cloned, not a piece of the whole file
		if folder, ok := strings.CutPrefix(line, folderPrefix); ok {
			if id, dir, ok := parseFolderLine(folder); ok {
				settled[strings.Clone(dir)] = strings.Clone(id)
			}
		} else if name, r, ok := parseKeyLine(line); ok {
			records[strings.Clone(name)] = r
		}
	}
	return records, settled
}

// folderPrefix begins a line of the keys file that gives the identity of
// an output folder (see sitefs.Identity) as a build left it, then its
// path: a rebuild that finds the folder so need not list it (see
// quietFolders). An identity is identityFields words.
const (
	folderPrefix   = "folder "
	identityFields = 6
)

// parseFolderLine reads "<identity> <path>" (see folderPrefix).
func parseFolderLine(line string) (id, dir string, ok bool) {
	at := 0
	for range identityFields {
		i := strings.IndexByte(line[at:], ' ')
		if i <= 0 {
			return "", "", false
		}
		at += i + 1
	}
	id, dir = line[:at-1], line[at:]
	return id, dir, dir != "." && fs.ValidPath(dir)
}

// parseKeyLine reads "<key> <size> <mtime> <path>".
func parseKeyLine(line string) (string, keyRecord, bool) {
	var r keyRecord
	k, rest, ok1 := strings.Cut(line, " ")
	size, rest, ok2 := strings.Cut(rest, " ")
	mtime, name, ok3 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || !ok3 || !fs.ValidPath(name) || !decodeKey(&r.key, k) {
		return "", keyRecord{}, false
	}
	var err1, err2 error
	r.size, err1 = strconv.ParseInt(size, 10, 64)
	r.mtime, err2 = strconv.ParseInt(mtime, 10, 64)
	if err1 != nil || err2 != nil {
		return "", keyRecord{}, false
	}
	return name, r, true
}

// decodeKey reads a key written in lower-case hexadecimal into k.
func decodeKey(k *outputKey, s string) bool {
	if len(s) != 2*len(k) {
		return false
	}
	for i := range k {
		hi, ok1 := unhex(s[2*i])
		lo, ok2 := unhex(s[2*i+1])
		if !ok1 || !ok2 {
			return false
		}
		k[i] = hi<<4 | lo
	}
	return true
}

// unhex is the value of a lower-case hexadecimal digit.
func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// keysText is the keys file for records, by path, and for the folders'
// identities (see folderPrefix), by path.
func keysText(records map[string]keyRecord, settled map[string]string) []byte {
	b := make([]byte, 0, len(keysHeading)+len(records)*160+len(settled)*100)
	b = append(b, keysHeading...)
	for _, name := range slices.Sorted(maps.Keys(records)) {
		r := records[name]
		b = hex.AppendEncode(b, r.key[:])
		b = append(b, ' ')
		b = strconv.AppendInt(b, r.size, 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, r.mtime, 10)
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, '\n')
	}
	for _, dir := range slices.Sorted(maps.Keys(settled)) {
		b = append(b, folderPrefix+settled[dir]+" "+dir+"\n"...)
	}
	return b
}

// sameAs reports whether a file stated as info (not through a link)
// still holds what record r says it held: a regular file of the same size
// and time.
func (r keyRecord) sameAs(info fs.FileInfo) bool {
	return info.Mode().IsRegular() && info.Size() == r.size && info.ModTime().UnixNano() == r.mtime
}

// noteKeys records, for each keyed file, its key and what dir's file is
// now. A file that is missing or not a regular file is left out.
func noteKeys(dir string, keys map[string]outputKey) map[string]keyRecord {
	return noteMade(keys, slices.Collect(maps.Keys(keys)), nil, nil, "", dir)
}

// noteMade records, for each keyed file of made (the files a rebuild made,
// not kept), its key and what its file was or is: a file found the same
// as out's as seen says it was stated before it was read (a change after
// that changes its time); a file written (changed) as it is in stage,
// before the commit moves it; any other as it is in out.
func noteMade(keys map[string]outputKey, made []string, seen map[string]fs.FileInfo, changed []string, stage, out string) map[string]keyRecord {
	wrote := make(map[string]bool, len(changed))
	for _, name := range changed {
		wrote[name] = true
	}
	records := map[string]keyRecord{}
	for _, name := range made {
		k, ok := keys[name]
		if !ok {
			continue
		}
		info, err := seen[name], error(nil)
		if info == nil {
			dir := out
			if wrote[name] {
				dir = stage
			}
			info, err = os.Lstat(filepath.Join(dir, filepath.FromSlash(name)))
		}
		if err == nil && info.Mode().IsRegular() {
			records[name] = keyRecord{key: k, size: info.Size(), mtime: info.ModTime().UnixNano()}
		}
	}
	return records
}

// keysAfter makes, on a goroutine of its own, the keys file of a rebuild
// that kept the files kept, made those of made (see noteMade) and leaves
// the folders settled as they are; it gives nil when that is what the
// keys file already says (l.keyed holds every record it held, l.settled
// every folder).
func keysAfter(keys map[string]outputKey, kept map[string]keyRecord, l *look, made map[string]keyRecord, settled map[string]string) <-chan []byte {
	done := make(chan []byte, 1)
	go func() {
		if len(kept)+len(made) == len(l.keyed) && l.keyed.say(made) && maps.Equal(settled, l.settled) {
			done <- nil
			return
		}
		records := make(map[string]keyRecord, len(kept)+len(made))
		for name, r := range kept {
			if keys[name] == r.key {
				records[name] = r
			}
		}
		maps.Copy(records, made)
		done <- keysText(records, settled)
	}()
	return done
}

// say reports whether the keys file said each of the records.
func (kf keyedFiles) say(records map[string]keyRecord) bool {
	for name, r := range records {
		if f := kf[name]; f == nil || f.record != r {
			return false
		}
	}
	return true
}

// writeKeys replaces dir's keys file with data (see keysText) in one step,
// unless data is nil (the keys file already says it) or dir is no longer
// a real folder. Only keysNext and keysName are written, renamed or
// removed, never through a link: the next file is made anew (O_EXCL) and
// a rename replaces a name itself. When it cannot, it removes the old
// one, so that no rebuild trusts it: the keys only spare work, and a
// build without them makes and compares every file.
func writeKeys(dir string, data []byte) {
	if data == nil {
		return
	}
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		return // no longer the folder the build checked (a link put in its place): write nothing
	}
	name := filepath.Join(dir, keysName)
	next := filepath.Join(dir, keysNext)
	err := os.Remove(next)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		err = writeFile(next, data)
	}
	if err == nil {
		err = os.Rename(next, name)
	}
	if err != nil {
		os.Remove(next)
		os.Remove(name)
	}
}
