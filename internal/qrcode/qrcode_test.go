package qrcode_test

import (
	"strings"
	"testing"

	"artsmap/internal/qrcode"
	"artsmap/internal/qrcode/qrtest"
)

// TestSVGDecodes: the drawn code decodes, with a real decoder, to the
// text it was made from, for short and long addresses and odd characters.
func TestSVGDecodes(t *testing.T) {
	for _, text := range []string{
		"https://fellside.example.net/providers/breath-choir/",
		"https://arts.example.org/gloucestershire/providers/a-very-long-provider-name-that-goes-on-and-on-and-on/",
		"https://example.org/providers/côr-anadl/?a=1&b=2",
	} {
		svg, err := qrcode.SVG(text, "QR code: "+text)
		if err != nil {
			t.Fatal(err)
		}
		got, err := qrtest.SVG(svg, 4)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if got != text {
			t.Errorf("decoded %q, want %q", got, text)
		}
	}
}

// TestSVGNamed: the code has an accessible name, escaped.
func TestSVGNamed(t *testing.T) {
	svg, err := qrcode.SVG("https://example.org/", `Link to "A & B" <profile>`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`role="img"`, `aria-label="Link to &#34;A &amp; B&#34; &lt;profile&gt;"`, `<title>Link to &#34;A &amp; B&#34; &lt;profile&gt;</title>`} {
		if !strings.Contains(svg, want) {
			t.Errorf("missing %s in %s", want, svg[:200])
		}
	}
}

// TestSVGTooLong: text beyond a QR code's capacity is an error, not a panic.
func TestSVGTooLong(t *testing.T) {
	if _, err := qrcode.SVG(strings.Repeat("x", 5000), "x"); err == nil {
		t.Error("no error for 5,000 characters")
	}
}
