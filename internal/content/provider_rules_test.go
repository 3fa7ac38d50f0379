package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestProviderRules(t *testing.T) {
	p := providerPath
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   want
	}{
		{"unknown key", edit(p, "since = 2012", "sinse = 2012"), want{p, 6, 1, `unknown setting "sinse"`, `did you mean "since"?`, false}},
		{"unknown key in programme", edit(p, `title = "Programme"`, "title = \"Programme\"\ntitel = \"x\""), want{p, 23, 1, `unknown setting "titel"`, `did you mean "title"?`, false}},
		{"unknown key in quality", edit(p, `supervision = "Monthly"`, `supervison = "Monthly"`), want{p, 18, 1, `unknown setting "supervison"`, `did you mean "supervision"?`, false}},
		{"wrong type", edit(p, "since = 2012", `since = "2012"`), want{p, 6, 9, `"since" should be a whole number, not text in quotes`, "", false}},
		{"TOML syntax", edit(p, `name = "Test Provider"`, `name = "Test Provider`), want{p, 2, 22, "strings cannot contain newlines", "check the TOML", false}},
		{"no front matter", edit(p, "+++\nname", "name"), want{p, 1, 1, "front matter must start", "starts with +++", false}},
		{"front matter not closed", edit(p, "+++\nBody", "Body"), want{p, 1, 1, "front matter is not closed", "", false}},
		{"name missing", edit(p, "name = \"Test Provider\"\n", ""), want{p, 2, 1, "name is required", `add name = "..."`, false}},
		{"name empty", edit(p, `name = "Test Provider"`, `name = " "`), want{p, 2, 8, "name must not be empty", "", false}},
		{"kind not allowed", edit(p, `kind = "organisation"`, `kind = "organization"`), want{p, 3, 8, `kind "organization" is not allowed`, `did you mean "organisation"?`, false}},
		{"status not allowed", edit(p, `status = "established"`, `status = "new"`), want{p, 5, 10, `status "new" is not allowed`, "must be one of: established, emerging", false}},
		{"summary too long", edit(p, `summary = "A short summary."`, `summary = "`+strings.Repeat("x", 301)+`"`), want{p, 4, 11, "summary is 301 characters long; the limit is 300", "sentence or two", false}},
		{"pathway unknown", edit(p, `pathways = ["chronic-pain"]`, `pathways = ["chronic-pian"]`), want{p, 8, 13, `unknown pathway "chronic-pian"`, `did you mean "chronic-pain"?`, false}},
		{"district unknown", edit(p, `districts = ["north"]`, `districts = ["north", "south"]`), want{p, 7, 23, `unknown district "south"`, "must be one of: north", false}},
		{"art form in a multi-line list", edit(p, `artforms = ["singing"]`, "artforms = [\n  \"singing\",\n  \"dancing\",\n]"), want{p, 11, 3, `unknown art form "dancing"`, "must be one of: singing", false}},
		{"referral unknown", edit(p, `referral = ["gp"]`, `referral = ["doctor"]`), want{p, 10, 13, `unknown referral route "doctor"`, "must be one of: gp", false}},
		{"pathways empty", edit(p, `pathways = ["chronic-pain"]`, `pathways = []`), want{p, 8, 12, "pathways needs at least one value", "chronic-pain", false}},
		{"value twice", edit(p, `districts = ["north"]`, `districts = ["north", "north"]`), want{p, 7, 14, `"north" is listed twice in districts`, "", true}},
		{"javascript website", edit(p, `website = "https://example.org"`, `website = "javascript:alert(1)"`), want{p, 11, 11, `"javascript:alert(1)" is not a web address`, "https://", false}},
		{"ftp website", edit(p, `website = "https://example.org"`, `website = "ftp://example.org"`), want{p, 11, 11, "is not a web address", "", false}},
		{"bad email", edit(p, `email = "a@example.org"`, `email = "Ann <a@example.org>"`), want{p, 12, 9, "is not an email address", "hello@example.org", false}},
		{"bad phone", edit(p, `phone = "01632 960000"`, `phone = "call us"`), want{p, 13, 9, `"call us" is not a phone number`, "", false}},
		{"consent missing", edit(p, "publish_contact = true\n", ""), want{p, 12, 9, "stay hidden until publish_contact is set", "publish_contact = true", true}},
		{"stale profile", edit(p, "reviewed = 2026-10-01", "reviewed = 2025-06-01"), want{p, 15, 12, "over 12 months ago", "set reviewed to today", true}},
		{"review in the future", edit(p, "reviewed = 2026-10-01", "reviewed = 2027-06-01"), want{p, 15, 12, "is in the future", "", true}},
		{"reviewed missing", edit(p, "reviewed = 2026-10-01\n", ""), want{p, 2, 1, "reviewed is required", "reviewed = 2026-10-01", false}},
		{"not a date", edit(p, "reviewed = 2026-10-01", `reviewed = "01/10/2026"`), want{p, 15, 13, `"01/10/2026" is not a date: write dates as YYYY-MM-DD`, "", false}},
		{"programme id", edit(p, `id = "prog"`, `id = "Prog 1"`), want{p, 21, 6, `programme id "Prog 1" must be lower-case`, "", false}},
		{"programme twice", edit(p, "venues = [\"hall\"]\n+++", "venues = [\"hall\"]\n\n[[programmes]]\nid = \"prog\"\ntitle = \"Again\"\nstatus = \"pilot\"\n+++"), want{p, 27, 6, `programme id "prog" is used twice`, "", false}},
		{"programme status", edit(p, `status = "pilot"`, `status = "paused"`), want{p, 23, 10, `status "paused" is not allowed`, "established, emerging, pilot, ended", false}},
		{"programme format", edit(p, `status = "pilot"`, "status = \"pilot\"\nformat = \"groups\""), want{p, 24, 10, `format "groups" is not allowed`, `did you mean "group"?`, false}},
		{"venue unknown", edit(p, `venues = ["hall"]`, `venues = ["hal"]`), want{p, 24, 11, `venue "hal" is not in locations.geojson`, `did you mean "hall"?`, false}},
		{"ended before started", edit(p, `status = "pilot"`, "status = \"pilot\"\nstarted = 2020-01-01\nended = 2019-01-01"), want{p, 25, 9, "the programme ends (2019-01-01) before it starts (2020-01-01)", "", false}},
		{"logo missing", edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01\nlogo = \"logo.png\""), want{p, 16, 8, `logo "logo.png" is not in the provider's folder`, "beside index.md", false}},
		{"logo svg", func(f fstest.MapFS) {
			edit(p, "reviewed = 2026-10-01", "reviewed = 2026-10-01\nlogo = \"logo.svg\"")(f)
			f["content/providers/p/logo.svg"] = &fstest.MapFile{Data: []byte("<svg/>")}
		}, want{p, 16, 8, "must be a PNG, JPEG", "SVG", false}},
		{"folder name", func(f fstest.MapFS) {
			f["content/providers/Bad Name/index.md"] = f[p]
		}, want{"content/providers/Bad Name", 0, 0, `"Bad Name" cannot be used in a web address`, `rename it to "bad-name"`, false}},
		{"folder without index.md", func(f fstest.MapFS) {
			f["content/providers/empty/notes.txt"] = &fstest.MapFile{Data: []byte("x")}
		}, want{"content/providers/empty", 0, 0, "the provider folder has no index.md", "artsmap new provider", false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRule(t, tt.change, tt.want) })
	}
}

func TestQuotedDateAccepted(t *testing.T) {
	for _, pr := range run(t, edit(providerPath, "reviewed = 2026-10-01", `reviewed = "2026-10-01"`)) {
		t.Errorf("a quoted date must be accepted: %s", pr)
	}
}

// TestEveryProblemAtOnce breaks several files: all are reported, sorted.
func TestEveryProblemAtOnce(t *testing.T) {
	probs := run(t, func(f fstest.MapFS) {
		edit(providerPath, `kind = "organisation"`, `kind = "x"`)(f)
		edit(providerPath, `pathways = ["chronic-pain"]`, `pathways = ["y"]`)(f)
		edit("content/pages/about.md", `title = "About"`, `title = ""`)(f)
		edit("content/events/lab.md", `kind = "creative-lab"`, `kind = "party"`)(f)
	})
	if len(probs) != 4 {
		t.Fatalf("%d problems, want 4: %v", len(probs), probs)
	}
	for i := 1; i < len(probs); i++ {
		a, b := probs[i-1], probs[i]
		if a.Path > b.Path || (a.Path == b.Path && a.Line > b.Line) {
			t.Errorf("not sorted: %s before %s", a, b)
		}
	}
}

// TestBrokenProfileReportedOnce: a profile that cannot be read is one
// problem, not also a "no provider" problem everywhere it is named.
func TestBrokenProfileReportedOnce(t *testing.T) {
	probs := run(t, func(f fstest.MapFS) {
		edit(providerPath, `districts = ["north"]`, `districts = ["north"`)(f)
		edit("content/learning/note.md", "date = 2026-01-01", "date = 2026-01-01\nproviders = [\"p\"]")(f)
	})
	if len(probs) != 1 || probs[0].Path != providerPath {
		t.Errorf("want one problem in the profile, got %v", probs)
	}
}
