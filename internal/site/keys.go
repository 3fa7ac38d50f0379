package site

import (
	"crypto/sha256"
	"encoding/binary"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"runtime/debug"
	"slices"
	"strconv"
	"time"

	"artsmap/internal/workers"
)

// outputKey fingerprints everything one output file is made from. Two
// builds that give a file the same key make the same bytes for it, so a
// rebuild keeps a file whose key is unchanged without making it again
// (see keyFile).
type outputKey [sha256.Size]byte

// keyVersion changes whenever what goes into a key changes.
const keyVersion = "artsmap output keys 2\n"

// layoutsPrefix marks the layouts among the inputs: they are not read
// from the site folder's root but from the built-in layouts with the
// site's own over them.
const layoutsPrefix = "layouts:"

// providerFolders is where the provider folders are, each the input of
// the files its profile alone is made into.
const providerFolders = "content/providers"

// outputKeys keys the files that one provider's folder alone is made into
// (owners: its profile, handout and update form, its programmes'
// calendars, its Open Referral items): each key sums the site-wide inputs
// and the provider folder's (see keyBase and owned); and the files that
// list providers (lists, see listKey). Other files get no key and are
// made by every build. A name is either owned or listed, never both. It
// returns nil when the build has no key base.
func outputKeys(base *keyBase, owners map[string]*Provider, lists map[string]listedBy) map[string]outputKey {
	if base == nil {
		return nil
	}
	sums := base.sums(owners, lists)
	out := make(map[string]outputKey, len(owners)+len(lists))
	for name, p := range owners {
		if k, ok := sums[p]; ok {
			out[name] = base.owned(k)
		}
	}
	names := slices.Collect(maps.Keys(lists))
	keys := make([]outputKey, len(names))
	keyed := make([]bool, len(names))
	workers.Each(len(names), workers.PerCPU(), func(i int) { // a hash each: on every processor
		keys[i], keyed[i] = base.listKey(names[i], lists[names[i]], sums)
	})
	for i, name := range names {
		if keyed[i] {
			out[name] = keys[i]
		}
	}
	return out
}

// sums gives each provider of owners and lists the sum of its folder's
// inputs, looked up once; a provider not from a folder has none.
func (b *keyBase) sums(owners map[string]*Provider, lists map[string]listedBy) map[*Provider]outputKey {
	sums := map[*Provider]outputKey{}
	note := func(p *Provider) {
		if _, done := sums[p]; !done {
			if folder, ok := b.folders[p.folder]; ok {
				sums[p] = folder
			}
		}
	}
	for _, p := range owners {
		note(p)
	}
	for _, l := range lists {
		for _, p := range l.providers {
			note(p)
		}
	}
	return sums
}

// listedBy is what a file that lists providers is made from besides the
// site-wide inputs: the providers it lists, in order, each under the name
// of what it shows of that provider (names, when not nil, is as long as
// providers: an Open Referral page lists items by path), and what else it
// shows (where the list stands in the whole, how long the whole is). Each
// thing listed must be made from its provider's folder alone, as a card
// is; a file that shows anything of the other providers (a count of
// them all, say) is not listedBy.
type listedBy struct {
	providers []*Provider
	names     []string
	what      string
}

// pageListed says what the page p lists when it is a page listing
// providers that the built-in layouts make from nothing else besides the
// site-wide inputs: a term's page shows the term, the evidence about it
// and its providers' cards (each made from its provider alone, see
// cards). A site with layouts of its own gets no such keys: its layouts
// may show anything of the model on any page.
func (s *Site) pageListed(p *Page) (listedBy, bool) {
	if s.ownLayouts || p.Layout != "term" || p.Term == nil || p.Taxonomy == nil {
		return listedBy{}, false
	}
	return listedBy{providers: p.Term.Providers, what: "term " + p.Taxonomy.Key + " " + p.Term.ID}, true
}

// listKey keys a file made from the site-wide inputs and the providers
// it lists (see listedBy): the key sums the site-wide inputs, the file's
// path and what it shows besides, and each listed provider's folder with
// the name listed. A file that lists a provider not from a folder gets no
// key.
func (b *keyBase) listKey(name string, l listedBy, sums map[*Provider]outputKey) (outputKey, bool) {
	h := sha256.New()
	h.Write(b.site[:])
	io.WriteString(h, "list "+strconv.Quote(name)+" "+strconv.Quote(l.what)+" "+strconv.Itoa(len(l.providers))+"\n")
	var buf []byte
	for i, p := range l.providers {
		folder, ok := sums[p]
		if !ok {
			return outputKey{}, false
		}
		buf = append(buf[:0], folder[:]...)
		if l.names != nil { // its length first: no name can end where another begins
			buf = binary.AppendUvarint(buf, uint64(len(l.names[i])))
			buf = append(buf, l.names[i]...)
		}
		h.Write(buf)
	}
	return outputKey(h.Sum(nil)), true
}

// keyBase is what keys are made of: the sum of the site-wide inputs
// (siteInputs) and of each provider folder's.
type keyBase struct {
	site    outputKey
	folders map[string][sha256.Size]byte
}

// newKeyBase sums what the load of s read and the static files; nil when
// the load was not recorded or the program itself cannot be identified.
func newKeyBase(s *Site, static fs.FS) *keyBase {
	site, ok := siteInputs(s, static)
	if !ok {
		return nil
	}
	return &keyBase{site: site, folders: s.inputs.byFolder()}
}

// owned keys a file made from one provider alone, whose folder's inputs
// sum to folder: every such file of a provider has the same key, as the
// keys are compared path by path.
func (b *keyBase) owned(folder outputKey) outputKey {
	var both [2 * sha256.Size]byte
	copy(both[:], b.site[:])
	copy(both[sha256.Size:], folder[:])
	return sha256.Sum256(both[:])
}

// key keys what is made from the provider p alone under the name what
// (a file's path, or a fragment's name); false when the load read nothing
// from p's folder (p is not from a folder).
func (b *keyBase) key(p *Provider, what string) (outputKey, bool) {
	folder, ok := b.folders[p.folder]
	if !ok {
		return outputKey{}, false
	}
	h := sha256.New()
	h.Write(b.site[:])
	h.Write(folder[:])
	io.WriteString(h, what)
	return outputKey(h.Sum(nil)), true
}

// siteInputs sums what every owned file may show besides its provider's
// folder: everything else the load read (site.toml, areas, events, fact
// sheets, evidence, other content) and the layouts read when they were
// parsed (see prepare), the static files, the build's date, and the
// program that builds (its build settings, path, size and time). The list
// of provider folders is left out: adding or removing a provider changes
// no other provider's files.
func siteInputs(s *Site, static fs.FS) (outputKey, bool) {
	if s.inputs == nil {
		return outputKey{}, false
	}
	h := sha256.New()
	io.WriteString(h, keyVersion)
	if !writeProgram(h) {
		return outputKey{}, false
	}
	io.WriteString(h, s.Now.Format(time.RFC3339Nano)+"\n")
	content := s.inputs.digest(func(name string) bool {
		_, inFolder := folderUnder(providerFolders, name)
		return !inFolder && name != providerFolders && name != providerFolders+"/"
	})
	h.Write(content[:])
	if err := writeTree(h, static); err != nil {
		return outputKey{}, false
	}
	return outputKey(h.Sum(nil)), true
}

// writeProgram writes what identifies the running program: its module
// versions and build settings, and the path, size and modification time
// of its executable. A rebuilt artsmap therefore keys every file anew.
func writeProgram(w io.Writer) bool {
	exe, err := os.Executable()
	if err != nil {
		return false
	}
	info, err := os.Stat(exe)
	if err != nil {
		return false
	}
	io.WriteString(w, exe+"\n"+strconv.FormatInt(info.Size(), 10)+" "+strconv.FormatInt(info.ModTime().UnixNano(), 10)+"\n")
	if bi, ok := debug.ReadBuildInfo(); ok {
		io.WriteString(w, bi.String())
	}
	return true
}

// writeTree writes every file of fsys to w: its path, size and bytes, in
// path order.
func writeTree(w io.Writer, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		io.WriteString(w, strconv.Quote(path.Clean(name))+" "+strconv.Itoa(len(data))+"\n")
		_, err = w.Write(data)
		return err
	})
}
