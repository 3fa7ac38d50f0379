package site

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"testing"

	"artsmap"
	"artsmap/internal/registry"
)

// TestEditorAnswerWords: labels.json carries the registry's words for the
// three answers, and the preview script spells none of them itself.
func TestEditorAnswerWords(t *testing.T) {
	raw, err := (&Site{}).editorLabels()
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Answers map[string]string }
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	want := map[string]string{"not_stated": registry.AnswerLabel(nil), "yes": registry.AnswerLabel(&yes), "no": registry.AnswerLabel(&no)}
	for k, v := range want {
		if got.Answers[k] != v {
			t.Errorf("labels.json answers[%q] = %q, want %q", k, got.Answers[k], v)
		}
	}
	js, err := fs.ReadFile(artsmap.Theme, "static/js/admin/preview.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range registry.Answers() {
		if m := regexp.MustCompile(`['"]` + regexp.QuoteMeta(a.Label) + `['"]`).Find(js); m != nil {
			t.Errorf("preview.js spells the answer %s itself; read it from labels.json's answers", m)
		}
	}
}
