package openreferral

import (
	"regexp"
	"testing"
)

// TestUUID5 checks the RFC 9562 test vector and the shape of export ids.
func TestUUID5(t *testing.T) {
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got, want := uuid5(dns, "www.example.com"), "2ed6657d-e927-568b-95e1-2665a8aea6a2"; got != want {
		t.Errorf("uuid5(DNS, www.example.com) = %s, want %s", got, want)
	}
	shape := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	// Pinned: ids must not change between releases, or every system that
	// stored one loses track of the item.
	if got, want := ID("service", "mindsong/choir"), "61adcce0-962f-5ff5-882a-7f84849674d9"; got != want || !shape.MatchString(got) {
		t.Errorf(`ID("service", "mindsong/choir") = %s, want %s`, got, want)
	}
	if ID("service", "mindsong") == ID("organization", "mindsong") {
		t.Error("the kind does not change the id")
	}
}
