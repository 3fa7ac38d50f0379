package content

import (
	"bytes"
	"errors"
)

// Split separates a Markdown file into its TOML front matter and its body.
// The file must open with a line of exactly "+++" and the front matter ends
// at the next such line. bodyLine is the 1-based line on which the body
// starts. A UTF-8 byte order mark, CRLF and old Mac (CR only) line endings
// and spaces after +++ are accepted.
func Split(src []byte) (front, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	src = crToLF(src)
	first, rest, ok := cutLine(src)
	if !ok && len(first) == 0 {
		return nil, nil, 0, errors.New("the file is empty: it must start with a line of exactly +++")
	}
	if !fence(first) {
		return nil, nil, 0, errors.New("front matter must start on the first line with a line of exactly +++")
	}
	line := 2
	start := rest
	offset := 0
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		if fence(l) {
			return start[:offset], next, line + 1, nil
		}
		offset += len(rest) - len(next)
		rest = next
		line++
	}
	return nil, nil, 0, errors.New("front matter is not closed: add a line of exactly +++ after the last setting")
}

// cutLine returns the first line of b without its line ending, and the rest.
// ok reports whether a line ending was found.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return bytes.TrimSuffix(b, []byte("\r")), nil, false
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:], true
}

// fence reports whether line is a +++ line, ignoring spaces and tabs after it.
func fence(line []byte) bool { return string(bytes.TrimRight(line, " \t")) == "+++" }

// crToLF turns the line endings of a file saved with old Mac line ends
// (CR alone, no LF anywhere) into LF, so that lines are counted as an
// editor shows them. Files with any LF are left as they are.
func crToLF(src []byte) []byte {
	if bytes.IndexByte(src, '\n') >= 0 || bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}
