package content

import "testing"

func TestSplit(t *testing.T) {
	const (
		empty    = "the file is empty: it must start with a line of exactly +++"
		noOpen   = "front matter must start on the first line with a line of exactly +++"
		notClose = "front matter is not closed: add a line of exactly +++ after the last setting"
	)
	tests := []struct {
		name, src   string
		front, body string
		bodyLine    int
		err         string
	}{
		{"front matter and body", "+++\na = 1\n+++\nbody\n", "a = 1\n", "body\n", 4, ""},
		{"empty front matter", "+++\n+++\nbody", "", "body", 3, ""},
		{"nothing after the closing line", "+++\na = 1\n+++", "a = 1\n", "", 4, ""},
		{"CRLF line endings", "+++\r\na = 1\r\n+++\r\nbody\r\n", "a = 1\r\n", "body\r\n", 4, ""},
		{"byte order mark", "\xef\xbb\xbf+++\na = 1\n+++\nbody", "a = 1\n", "body", 4, ""},
		{"blank lines before the body", "+++\n\n+++\n\n\nbody", "\n", "\n\nbody", 4, ""},
		{"the first closing line ends it", "+++\na = 1\n+++\n+++\n", "a = 1\n", "+++\n", 4, ""},
		{"+++ inside a value is not a line", "+++\na = \"+++\"\n+++\nb", "a = \"+++\"\n", "b", 4, ""},
		{"empty file", "", "", "", 0, empty},
		{"only a byte order mark", "\xef\xbb\xbf", "", "", 0, empty},
		{"blank first line", "\n+++\na = 1\n+++\n", "", "", 0, noOpen},
		{"YAML", "---\na: 1\n---\n", "", "", 0, noOpen},
		{"trailing space on the opening line", "+++ \na = 1\n+++\n", "a = 1\n", "", 4, ""},
		{"old Mac line endings", "+++\ra = 1\r+++\rbody\r", "a = 1\n", "body\n", 4, ""},
		{"four pluses", "++++\na = 1\n+++\n", "", "", 0, noOpen},
		{"not closed", "+++\na = 1\n", "", "", 0, notClose},
		{"only the opening line", "+++", "", "", 0, notClose},
		{"trailing space and tab on the closing line", "+++\na = 1\n+++ \t\nbody", "a = 1\n", "body", 4, ""},
	}
	for _, tt := range tests {
		front, body, line, err := Split([]byte(tt.src))
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if string(front) != tt.front || string(body) != tt.body || line != tt.bodyLine || gotErr != tt.err {
			t.Errorf("%s: Split(%q) = %q, %q, %d, %q; want %q, %q, %d, %q",
				tt.name, tt.src, front, body, line, gotErr, tt.front, tt.body, tt.bodyLine, tt.err)
		}
	}
}
