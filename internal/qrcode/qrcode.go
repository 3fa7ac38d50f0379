// Package qrcode draws QR codes as inline SVG, made at build time for the
// printed handouts: black modules on a white square with the quiet zone
// the standard asks for, and an accessible name.
package qrcode

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	qr "github.com/piglig/go-qr"
)

// Quiet is the width of the light border around the code, in modules
// (four, as ISO/IEC 18004 asks for).
const Quiet = 4

// SVG returns an <svg> element whose QR code holds text, at medium error
// correction, named label for assistive technology (role="img" with
// aria-label and a <title>). Each run of dark modules in a row is one
// rectangle of the path, so the drawing stays small. The caller prints
// the text in words beside it too.
func SVG(text, label string) (string, error) {
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return "", fmt.Errorf("making a QR code of %q: %w", text, err)
	}
	n := code.Size()
	side := strconv.Itoa(n + 2*Quiet)
	name := html.EscapeString(label)
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="qr" role="img" aria-label="` + name +
		`" viewBox="0 0 ` + side + ` ` + side + `" shape-rendering="crispEdges"><title>` + name + `</title>`)
	b.WriteString(`<rect width="` + side + `" height="` + side + `" fill="#fff"/><path fill="#000" d="`)
	for y := range n {
		for x := 0; x < n; {
			if !code.Module(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < n && code.Module(x+run, y) {
				run++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", x+Quiet, y+Quiet, run, run)
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}
