//go:build !linux

package site

// renameExchange is not available here: swap falls back to two renames.
func renameExchange(a, b string) error { return errNoExchange }
