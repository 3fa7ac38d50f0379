package content

import (
	"errors"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// MaxTOMLDepth is the deepest nesting of tables and lists a TOML file may
// have: the TOML decoder's time grows faster than the input beyond it.
const MaxTOMLDepth = maxTOMLDepth

// TOMLDepth scans a whole TOML file, before it is parsed, for nesting
// deeper than MaxTOMLDepth: it returns the depth found and, when that is
// too deep, the line and column where it went over (0, 0 otherwise). It is
// the pre-scan content files get, for the other TOML files the commands
// read (netlify.toml).
func TOMLDepth(src []byte) (depth, line, col int) { return tomlDepth(src, 1, maxTOMLDepth) }

// TOMLMessage says an error of toml.Decode of src, a file of its own, in
// plain words: its line and column, the message and a hint (maybe empty).
func TOMLMessage(src []byte, err error) (line, col int, msg, hint string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		s := explainSyntax(strings.Split(string(src), "\n"), 1, pe)
		return s.line, s.col, s.msg, s.hint
	}
	msg, line = err.Error(), 1
	if m := lineInMessage.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimPrefix(msg, m[0])
		if t := typeMismatch.FindStringSubmatch(msg); t != nil {
			msg = "\"" + lastKey(m[2]) + "\" should be " + friendlyType(t[2]) + ", not " + friendlyType(t[1])
		}
	}
	return line, 1, strings.TrimPrefix(msg, "toml: "), ""
}
