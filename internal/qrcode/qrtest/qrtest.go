// Package qrtest reads QR codes back for tests, with an independent
// decoder (ZXing's, ported to Go as gozxing): from an image such as a
// browser's screenshot, or from the SVG that package qrcode draws,
// rasterised here from its path of rectangles.
package qrtest

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"regexp"
	"strconv"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// Image decodes the QR code in img.
func Image(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", fmt.Errorf("reading the image: %w", err)
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: false}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", fmt.Errorf("decoding the QR code: %w", err)
	}
	return res.GetText(), nil
}

var (
	viewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	runs    = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
	pathD   = regexp.MustCompile(`<path fill="#000" d="([^"]*)"`)
)

// SVG rasterises an SVG drawn by package qrcode (scale pixels a module)
// and decodes it. Anything in the path that is not a run of modules is an
// error, so the test reads exactly what a browser would draw.
func SVG(svg string, scale int) (string, error) {
	vb := viewBox.FindStringSubmatch(svg)
	d := pathD.FindStringSubmatch(svg)
	if vb == nil || d == nil {
		return "", errors.New("not a QR code drawn by package qrcode")
	}
	side, _ := strconv.Atoi(vb[1])
	img := image.NewGray(image.Rect(0, 0, side*scale, side*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	drawn := 0
	for _, m := range runs.FindAllStringSubmatch(d[1], -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[3])
		drawn += len(m[0])
		for py := y * scale; py < (y+1)*scale; py++ {
			for px := x * scale; px < (x+w)*scale; px++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	if drawn != len(d[1]) {
		return "", errors.New("the path holds something other than runs of modules")
	}
	return Image(img)
}
