package cms

import (
	"reflect"
	"testing"
)

// TestAnswersHaveThreeChoices: every yes-or-no question of the content
// model is a select of Not stated (""), Yes (true) and No (false), which
// is optional, so that the CMS leaves a question nobody answered out of
// the file: a boolean widget would write false, "No", for it.
func TestAnswersHaveThreeChoices(t *testing.T) {
	d := Build(siteConfig(t, repoRoot(t)))
	want := []Option{{"Not stated", ""}, {"Yes", true}, {"No", false}}
	for _, c := range []struct{ coll, path string }{
		{"providers", "quality.safeguarding_policy"}, {"providers", "quality.dbs_checked"},
		{"providers", "quality.insurance"}, {"venues", "features.properties.step_free"},
		{"venues", "features.properties.hearing_loop"}, {"venues", "features.properties.parking"},
	} {
		f := field(t, collection(t, d, c.coll).Fields, c.path)
		if f.Widget != "select" || f.Multiple || f.Required == nil || *f.Required || f.Default != nil {
			t.Errorf("%s.%s: widget %q (multiple %v, required %v, default %v), want an optional select with no default",
				c.coll, c.path, f.Widget, f.Multiple, f.Required, f.Default)
		}
		if !reflect.DeepEqual(f.Options, want) {
			t.Errorf("%s.%s offers %#v, want %#v", c.coll, c.path, f.Options, want)
		}
	}
}
