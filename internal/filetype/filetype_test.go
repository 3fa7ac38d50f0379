package filetype

import (
	"strings"
	"testing"
)

// TestCheck checks names and contents: allowed types with the right first
// bytes pass; script-capable and unknown types, and files whose content
// is not what their name says, are refused with a plain message.
func TestCheck(t *testing.T) {
	cases := []struct {
		name, data string
		want       string // part of the error; "" for none
	}{
		{"report.pdf", "%PDF-1.7\n...", ""},
		{"REPORT.PDF", "%PDF-1.4", ""},
		{"slides.pptx", "PK\x03\x04rest", ""},
		{"data.csv", "name,value\nCôr,1\n", ""},
		{"notes.txt", "plain words", ""},
		{"photo.png", "\x89PNG\r\n\x1a\nIHDR", ""},
		{"photo.jpg", "\xff\xd8\xff\xe0JFIF", ""},
		{"anim.gif", "GIF89a....", ""},
		{"pic.webp", "RIFF\x00\x00\x00\x00WEBPVP8 ", ""},
		{"pic.avif", "\x00\x00\x00\x1cftypavif", ""},
		{"talk.mp3", "ID3\x04\x00", ""},
		{"film.mp4", "\x00\x00\x00\x18ftypisom", ""},
		{"memo.rtf", `{\rtf1\ansi`, ""},
		{"page.html", "<html><script src=evil.js></script>", "HTML files may not be published"},
		{"evil.js", "alert(1)", "JS files may not be published"},
		{"logo.svg", "<svg onload=alert(1)>", "SVG files may not be published"},
		{"feed.xml", "<?xml version='1.0'?>", "XML files may not be published"},
		{"page.xhtml", "<html/>", "XHTML files may not be published"},
		{"thing.xyz", "whatever", "XYZ files may not be published"},
		{"README", "text", "files without an extension may not be published"},
		{"report.pdf", "<html><script>alert(1)</script>", "named as a PDF but is not one inside (it looks like a web page)"},
		{"photo.png", "<svg onload=alert(1)>", "named as a PNG image but is not one inside (it looks like SVG)"},
		{"doc.docx", "%PDF-1.7", "named as a Word document but is not one"},
		{"data.csv", "<!DOCTYPE html><script>x</script>", "not plain text (it looks like a web page)"},
		{"data.csv", "a,b\x00c", "holds binary data"},
		{"notes.txt", "caf\xe9", "not UTF-8 text"},
	}
	for _, c := range cases {
		err := Check(c.name, []byte(c.data))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s %q: unexpected %v", c.name, c.data, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s %q: err = %v, want one containing %q", c.name, c.data, err, c.want)
		}
	}
}

// TestImages checks the image names the rest of the code relies on.
func TestImages(t *testing.T) {
	for name, want := range map[string]bool{"a.png": true, "a.JPG": true, "a.jpeg": true, "a.webp": true,
		"a.gif": true, "a.avif": true, "a.svg": false, "a.pdf": false, "a": false} {
		if IsImage(name) != want {
			t.Errorf("IsImage(%q) = %v", name, !want)
		}
	}
	if got := Images(); got != "PNG, JPEG, GIF, WebP, AVIF" {
		t.Errorf("Images() = %q", got)
	}
}
