package registry

import (
	"regexp"
	"testing"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestLists checks every list: ids are slugs, unique in their list, and
// every value has a label.
func TestLists(t *testing.T) {
	lists := map[string]Choices{
		"statuses": ProgrammeStatuses(), "provider statuses": ProviderStatuses(),
		"provider kinds": choicesOf(ProviderKinds), "formats": choicesOf(Formats), "costs": choicesOf(Costs),
		"learning kinds": choicesOf(LearningKinds), "event kinds": EventKinds,
		"designs": DesignChoices(), "certainties": CertaintyChoices(),
	}
	for name, cs := range lists {
		if len(cs) == 0 {
			t.Errorf("%s: empty", name)
		}
		seen := map[string]bool{}
		for _, c := range cs {
			if !idPattern.MatchString(c.ID) || seen[c.ID] || c.Label == "" {
				t.Errorf("%s: %q (label %q) is not a unique slug with a label", name, c.ID, c.Label)
			}
			seen[c.ID] = true
		}
	}
}

// TestStatuses checks what the map and the styles need of each status.
func TestStatuses(t *testing.T) {
	shapes := map[Shape]bool{Circle: true, Triangle: true, Diamond: true, Cross: true}
	colour := regexp.MustCompile(`^#[0-9a-f]{6}$`)
	for _, s := range Statuses {
		if !shapes[s.Shape] || !colour.MatchString(s.Colour) || s.Weight <= 0 || s.Weight > 1 {
			t.Errorf("%s: shape %q, colour %q, weight %v", s.ID, s.Shape, s.Colour, s.Weight)
		}
	}
	if len(ProviderStatuses()) == 0 || ProviderStatuses()[0] != Statuses[0].Choice {
		t.Error("a provider may state the most established status")
	}
	if Statuses[len(Statuses)-1].Ended != true || Active(Statuses[len(Statuses)-1].ID) {
		t.Error("the last status should be the ended one")
	}
}

func TestLookups(t *testing.T) {
	if got := choicesOf(Costs).Label("low-cost"); got != "Low cost" {
		t.Errorf("Label(low-cost) = %q", got)
	}
	if got := choicesOf(Costs).Label("nope"); got != "nope" {
		t.Errorf("an unknown id should be its own label, got %q", got)
	}
	if k, ok := ProviderKindOf("freelance"); !ok || !k.Person {
		t.Error("a freelance artist is a person")
	}
	if f, ok := FormatOf("online"); !ok || !f.Online {
		t.Error("online is online")
	}
	if AppraisalKind() != "options-appraisal" {
		t.Errorf("AppraisalKind() = %q", AppraisalKind())
	}
	if v, ok := VocabularyOf("artforms"); !ok || v.Singular != "art form" || v.Param != "artform" {
		t.Errorf("VocabularyOf(artforms) = %+v", v)
	}
}

// TestLabelAllocatesNothing: Label finds a label without copying the
// lists (it runs for every programme of every page and export document).
func TestLabelAllocatesNothing(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _, _ = Label("low-cost"), Label("not-an-id") }); n != 0 {
		t.Errorf("Label allocates %.0f times a call", n)
	}
	for id, want := range map[string]string{"low-cost": "Low cost", "not-an-id": "not-an-id"} {
		if got := Label(id); got != want {
			t.Errorf("Label(%q) = %q, want %q", id, got, want)
		}
	}
	for _, c := range FormatChoices() {
		if Label(c.ID) != c.Label || Labels()[c.ID] != c.Label {
			t.Errorf("%s: Label %q, Labels %q, want %q", c.ID, Label(c.ID), Labels()[c.ID], c.Label)
		}
	}
}
