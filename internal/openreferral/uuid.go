package openreferral

import (
	"crypto/sha1" // UUIDv5 is defined with SHA-1; it names, it does not protect
	"encoding/hex"
)

// namespace is the UUID namespace of every identifier in the export: fixed
// bytes chosen once at random. It never changes, so that an item keeps its
// identifier from build to build.
var namespace = [16]byte{0x4b, 0x1f, 0x7e, 0x0a, 0x93, 0x5c, 0x5d, 0x2e, 0x8a, 0x61, 0x3c, 0x0d, 0x25, 0x9f, 0x44, 0xb7}

// ID is the UUID version 5 (RFC 9562) of kind and key in the export's
// namespace, written in lower-case hex: ID("service", "mindsong/choir").
func ID(kind, key string) string { return uuid5(namespace, kind+":"+key) }

// uuid5 is the name-based UUID of name in the namespace ns.
func uuid5(ns [16]byte, name string) string {
	h := sha1.New() // see the import
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}
