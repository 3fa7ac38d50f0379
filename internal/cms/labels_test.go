package cms

import "testing"

// TestLabelsNotIDs: every choice the editor offers, in every collection,
// shows a label, never the id it stores ("one-to-one", "low-cost").
func TestLabelsNotIDs(t *testing.T) {
	d := Build(siteConfig(t, repoRoot(t)))
	n := 0
	var walk func(coll, at string, fields []Field)
	walk = func(coll, at string, fields []Field) {
		for _, f := range fields {
			for _, o := range f.Options {
				n++
				if o.Label == "" || o.Label == o.Value {
					t.Errorf("%s: %s%s offers %q with the label %q", coll, at, f.Name, o.Value, o.Label)
				}
			}
			walk(coll, at+f.Name+".", f.Fields)
			if f.Field != nil {
				walk(coll, at+f.Name+".", []Field{*f.Field})
			}
		}
	}
	for _, c := range d.Collections {
		walk(c.Name, "", c.Fields)
	}
	if n < 50 {
		t.Fatalf("only %d options in the whole configuration", n)
	}
}
