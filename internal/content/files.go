package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"syscall"

	"artsmap/internal/filetype"
	"artsmap/internal/sitefs"
)

// Size limits of the files a site is read from, checked from Stat before a
// file is read (see docs/content-model.md). Each is many times the largest
// real file of its kind.
const (
	maxConfig     = 256 << 10 // content/site.toml
	maxFront      = 64 << 10  // the settings between the +++ lines
	maxBody       = 256 << 10 // the Markdown text after them
	maxMarkdown   = maxFront + maxBody
	maxLocations  = 5 << 20  // a provider's locations.geojson
	maxBoundaries = 20 << 20 // a boundary file in content/areas
	maxBundleFile = 20 << 20 // an image or attachment in a bundle
	maxPostcodes  = 20 << 20 // content/areas/postcodes.csv: about 550,000 postcodes
)

// MaxFileSize is the largest file a build reads from a site: a reader of
// the site folder may refuse anything larger.
const MaxFileSize = max(maxConfig, maxMarkdown, maxLocations, maxBoundaries, maxBundleFile, maxPostcodes)

// linkHint is the fix for a symbolic link anywhere in the site.
const linkHint = "replace the link with the file itself"

// scanned are the folders of the site whose every entry is checked for
// links and special files. Provider folders are checked as they are loaded,
// so that a reload of one checks it again.
var scanned = []string{"content", "layouts", "static"}

// scan reports every symbolic link under dir (a warning: it is skipped,
// never followed) and every special file (an error: only regular files are
// read), skipping hidden entries and the folders skip says to. Nothing is
// opened but folders.
func (l *loader) scan(dir string, skip func(p string) bool) {
	if !l.kindOK(dir) {
		return
	}
	fs.WalkDir(l.fsys, dir, func(p string, e fs.DirEntry, err error) error { // problems are reported as they are met
		switch {
		case err != nil && p == dir:
			return nil // no such folder
		case err != nil:
			l.probs.Errorf(p, 0, 0, "cannot read the folder: %v", plainErr(err))
			return nil
		case p != dir && strings.HasPrefix(e.Name(), ".") && e.IsDir():
			return fs.SkipDir // hidden: never read (.git, editors' folders)
		case p != dir && strings.HasPrefix(e.Name(), "."):
			return nil
		case p != dir && !l.entryOK(p, e.Type()):
			return nil
		case p != dir && e.IsDir() && skip != nil && skip(p):
			return fs.SkipDir
		case !e.IsDir() && !strings.HasPrefix(p, "content/"):
			l.checkSize(p, e) // content files have limits of their own kind
		}
		return nil
	})
}

// checkSize reports a file of layouts/ or static/ over MaxFileSize.
func (l *loader) checkSize(p string, e fs.DirEntry) {
	if info, err := e.Info(); err == nil && info.Size() > MaxFileSize {
		l.probs.Errorf(p, 0, 0, "the file is %s; the limit for a file of the site is %s", size(info.Size()), size(MaxFileSize)).Hint =
			"make it smaller, or publish it elsewhere and link to it"
	}
}

// scanProviders scans every provider folder, as loading them would.
func (l *loader) scanProviders() {
	for _, e := range l.entries("content/providers") {
		if e.IsDir() {
			l.scan(path.Join("content/providers", e.Name()), nil)
		}
	}
}

// kindOK reports a link or special file at p (from Lstat) and returns
// false for one; an absent path is false without a word.
func (l *loader) kindOK(p string) bool {
	info, err := fs.Lstat(l.fsys, p)
	if err != nil {
		return false
	}
	return l.entryOK(p, info.Mode().Type())
}

// entryOK reports an entry of type t that is not a regular file or folder.
func (l *loader) entryOK(p string, t fs.FileMode) bool {
	switch {
	case t&fs.ModeSymlink != 0:
		l.probs.Warnf(p, 0, 0, "ignored: a symbolic link is never followed, as it can point at any file of the machine that builds the site").Hint = linkHint
		return false
	case !t.IsRegular() && !t.IsDir():
		l.probs.Errorf(p, 0, 0, "%s is not a regular file: only files and folders are read", special(t)).Hint =
			"remove it from the site folder"
		return false
	}
	return true
}

// special names a kind of file that is neither a regular file nor a folder.
func special(t fs.FileMode) string {
	switch {
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeDevice != 0, t&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "a special file"
}

// plain reports whether p is a regular file reached without a link (the
// scan has reported anything else).
func (l *loader) plain(p string) bool {
	info, err := fs.Lstat(l.fsys, p)
	return err == nil && info.Mode().IsRegular()
}

// read reads the regular file p, of at most limit bytes, reporting why it
// cannot (what names the kind of file, for the message). Every caller
// has seen p as a regular file (listed, or checked with Lstat), so a
// file that is now missing, a folder, a link or a special file changed
// while the site was read: that is an error too, never passed over, so
// that a build does not go on without it. The file is opened once.
func (l *loader) read(p string, limit int64, what string) ([]byte, bool) {
	data, err := sitefs.ReadFile(l.fsys, p, limit)
	if err == nil {
		return data, true
	}
	var tl *sitefs.TooLargeError
	switch now := changedWhileRead(err); {
	case errors.As(err, &tl):
		l.probs.Errorf(p, 0, 0, "the file is %s; the limit for %s is %s", size(tl.Size), what, size(tl.Limit)).Hint =
			"make it smaller, or split it into several files"
	case now != "":
		l.probs.Errorf(p, 0, 0, "the file changed while the site was being read: %s", now).Hint =
			"run the command again once every file is saved; links and special files are never read"
	default:
		l.probs.Errorf(p, 0, 0, "cannot read the file: %v", plainErr(err))
	}
	return nil, false
}

// changedWhileRead says what a file seen as a regular file has become, by
// the error of reading it; "" when the error says something else.
func changedWhileRead(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "it is no longer there"
	case errors.Is(err, sitefs.ErrSymlink):
		return "it is now a symbolic link"
	case errors.Is(err, syscall.ENOTDIR):
		return "a folder above it is no longer a folder"
	case errors.Is(err, sitefs.ErrNotRegular), errors.Is(err, syscall.EISDIR):
		return "it is no longer a regular file"
	}
	return ""
}

// plainErr is an error without the operation and path fs adds.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// size writes a number of bytes for people, rounded up so that a size
// over a limit never reads as the limit: 64 KB, 1.5 MB.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		tenths := (n*10 + 1<<20 - 1) >> 20
		return strings.TrimSuffix(fmt.Sprintf("%d.%d", tenths/10, tenths%10), ".0") + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<10-1)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkPublished checks a bundle file that will be published: its size,
// and that it is a type on the allow-list with the content its name says.
func (l *loader) checkPublished(p string) {
	info, err := fs.Stat(l.fsys, p)
	if err != nil {
		return
	}
	if info.Size() > maxBundleFile {
		l.probs.Errorf(p, 0, 0, "the file is %s; the limit for a published file is %s", size(info.Size()), size(maxBundleFile)).Hint =
			"make it smaller (a PDF can be saved for the web), or publish it elsewhere and link to it"
		return
	}
	t, ok := filetype.ByName(p)
	limit := int64(filetype.MaxHead)
	if ok && t.Text {
		limit = maxBundleFile
	}
	head, err := readHead(l.fsys, p, limit)
	if err != nil {
		l.probs.Errorf(p, 0, 0, "cannot read the file: %v", plainErr(err))
		return
	}
	if err := filetype.Check(p, head); err != nil {
		l.probs.Errorf(p, 0, 0, "%v", err).Hint = publishHint(p)
	}
}

// publishHint says how to make a refused file publishable.
func publishHint(p string) string {
	if t, ok := filetype.ByName(p); ok && t.Image {
		return "save it again as a real " + t.Name + " from an image editor"
	}
	return "attachments may only be documents, images, audio or video of the listed types: convert it to PDF"
}

// readHead reads the first n bytes of a file (fewer when it is shorter).
func readHead(fsys fs.FS, p string, n int64) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// published lists which of a bundle's files are published: its images,
// and the attachments it lists.
func published(files, attachments []string) []string {
	var out []string
	for _, f := range files {
		if filetype.IsImage(f) || slices.Contains(attachments, f) {
			out = append(out, f)
		}
	}
	return out
}

// inProvider reports whether p is a provider folder or lies in one.
func inProvider(p string) bool {
	rest, ok := strings.CutPrefix(p, "content/providers/")
	return ok && rest != "" && path.Clean(rest) == rest
}

// checkAttachmentFiles checks the files a learning bundle publishes.
func (l *loader) checkAttachmentFiles(lo *Learning) {
	var listed []string
	for _, a := range lo.Attachments {
		listed = append(listed, a.File)
	}
	for _, f := range published(lo.Files, listed) {
		l.checkPublished(path.Join(path.Dir(lo.Path), f))
	}
}
