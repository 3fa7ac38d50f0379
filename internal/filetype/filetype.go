// Package filetype owns which kinds of file a site may publish from its
// content folders (bundle images and learning attachments): the one
// allow-list of document, image, audio and video types, and the check that
// a file is what its name says, by its first bytes. Nothing a browser
// would run (HTML, JavaScript, SVG, XML) or guess at (unknown types) is on
// the list: such a file, served from the site's own address, could run
// script beside the editor at /admin/.
package filetype

import (
	"bytes"
	"fmt"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"
)

// Type is one kind of file that may be published.
type Type struct {
	Ext   string // the name's extension, lower case, with the dot
	Name  string // what readers call it: "PDF", "Word document"
	Image bool   // a picture a page may show
	Text  bool   // plain text: checked whole, not only by its start
	magic func(head []byte) bool
}

// MaxHead is how many bytes of a file Check needs, except for text.
const MaxHead = 512

var (
	pdf  = prefix("%PDF-")
	zip  = prefix("PK\x03\x04")
	png  = prefix("\x89PNG\r\n\x1a\n")
	jpeg = prefix("\xff\xd8\xff")
	gif  = func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("GIF87a")) || bytes.HasPrefix(b, []byte("GIF89a"))
	}
	webp = func(b []byte) bool { return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP" }
	avif = ftyp("avif", "avis")
	mp4  = ftyp("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "MSNV", "dash")
	m4a  = ftyp("M4A ", "M4B ", "mp42", "isom")
	mp3  = func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("ID3")) || (len(b) >= 2 && b[0] == 0xff && b[1]&0xe0 == 0xe0)
	}
	rtf = prefix(`{\rtf`)
)

// types is the allow-list, the one home of what may be published.
var types = []Type{
	{Ext: ".pdf", Name: "PDF", magic: pdf},
	{Ext: ".docx", Name: "Word document", magic: zip},
	{Ext: ".xlsx", Name: "Excel spreadsheet", magic: zip},
	{Ext: ".pptx", Name: "PowerPoint presentation", magic: zip},
	{Ext: ".odt", Name: "OpenDocument text", magic: zip},
	{Ext: ".ods", Name: "OpenDocument spreadsheet", magic: zip},
	{Ext: ".odp", Name: "OpenDocument presentation", magic: zip},
	{Ext: ".epub", Name: "EPUB book", magic: zip},
	{Ext: ".rtf", Name: "RTF document", magic: rtf},
	{Ext: ".txt", Name: "text file", Text: true},
	{Ext: ".csv", Name: "CSV table", Text: true},
	{Ext: ".png", Name: "PNG image", Image: true, magic: png},
	{Ext: ".jpg", Name: "JPEG image", Image: true, magic: jpeg},
	{Ext: ".jpeg", Name: "JPEG image", Image: true, magic: jpeg},
	{Ext: ".gif", Name: "GIF image", Image: true, magic: gif},
	{Ext: ".webp", Name: "WebP image", Image: true, magic: webp},
	{Ext: ".avif", Name: "AVIF image", Image: true, magic: avif},
	{Ext: ".mp3", Name: "MP3 audio", magic: mp3},
	{Ext: ".m4a", Name: "M4A audio", magic: m4a},
	{Ext: ".mp4", Name: "MP4 video", magic: mp4},
}

func prefix(p string) func([]byte) bool {
	return func(b []byte) bool { return bytes.HasPrefix(b, []byte(p)) }
}

// ftyp matches an ISO media file (MP4, M4A, AVIF) of one of the brands.
func ftyp(brands ...string) func([]byte) bool {
	return func(b []byte) bool {
		if len(b) < 12 || string(b[4:8]) != "ftyp" {
			return false
		}
		for _, brand := range brands {
			if string(b[8:12]) == brand {
				return true
			}
		}
		return false
	}
}

// ByName returns the type a file name says, when it is on the list.
func ByName(name string) (Type, bool) {
	ext := strings.ToLower(path.Ext(name))
	for _, t := range types {
		if t.Ext == ext {
			return t, true
		}
	}
	return Type{}, false
}

// IsImage reports whether name is named as an image a page may show.
func IsImage(name string) bool {
	t, ok := ByName(name)
	return ok && t.Image
}

// Images lists the image types by name, for messages: "PNG, JPEG, ...".
func Images() string { return names(true) }

// Allowed lists every type by extension, for messages and the docs.
func Allowed() string { return names(false) }

func names(images bool) string {
	var out []string
	for _, t := range types {
		if images && t.Image && t.Ext != ".jpeg" {
			out = append(out, strings.TrimSuffix(t.Name, " image"))
		} else if !images {
			out = append(out, strings.TrimPrefix(t.Ext, "."))
		}
	}
	return strings.Join(out, ", ")
}

// Check reports whether data is the file name says: its type is on the
// list and its first bytes are those of that type. data is the file's
// first MaxHead bytes, or the whole file for a text type. The error is
// plain words for the site's editors.
func Check(name string, data []byte) error {
	t, ok := ByName(name)
	if !ok {
		return fmt.Errorf("%s may not be published: only these types are: %s", describe(name), Allowed())
	}
	if t.Text {
		return checkText(t, data)
	}
	if !t.magic(data) {
		return fmt.Errorf("the file is named as a %s but is not one inside%s", t.Name, looksLike(data))
	}
	return nil
}

// describe names a file's type from its extension, for messages.
func describe(name string) string {
	if ext := strings.ToLower(path.Ext(name)); ext != "" {
		return strings.ToUpper(strings.TrimPrefix(ext, ".")) + " files"
	}
	return "files without an extension"
}

func checkText(t Type, data []byte) error {
	switch {
	case bytes.IndexByte(data, 0) >= 0:
		return fmt.Errorf("the file is named as a %s but holds binary data", t.Name)
	case !utf8.Valid(data):
		return fmt.Errorf("the file is named as a %s but is not UTF-8 text", t.Name)
	case !strings.HasPrefix(http.DetectContentType(data), "text/plain"):
		return fmt.Errorf("the file is named as a %s but is not plain text%s", t.Name, looksLike(data))
	}
	return nil
}

// looksLike says what data seems to be, as browsers would guess.
func looksLike(data []byte) string {
	ct, _, _ := strings.Cut(http.DetectContentType(data), ";")
	switch {
	case bytes.Contains(bytes.ToLower(data[:min(len(data), MaxHead)]), []byte("<svg")):
		return " (it looks like SVG)"
	case ct == "text/html":
		return " (it looks like a web page)"
	case ct == "text/xml" || ct == "image/svg+xml":
		return " (it looks like XML)"
	case ct == "application/octet-stream" || ct == "text/plain":
		return ""
	}
	return " (it looks like " + ct + ")"
}
