package site

import (
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// TestDataFileErrorNamesTheFile: an error while making a file (here the
// JSON encoder's) names the output file, in a build and in a check.
func TestDataFileErrorNamesTheFile(t *testing.T) {
	p := newPlan()
	if err := p.add("data/providers.geojson", func() ([]byte, error) { return json.Marshal(math.NaN()) }); err != nil {
		t.Fatal(err)
	}
	_, _, err := p.write(context.Background(), filepath.Join(t.TempDir(), "public"), 2)
	if err == nil || !strings.Contains(err.Error(), "data/providers.geojson") {
		t.Errorf("write: %v; want an error naming data/providers.geojson", err)
	}
	if _, err := dryRun(context.Background(), p); err == nil || !strings.Contains(err.Error(), "data/providers.geojson") {
		t.Errorf("dryRun: %v; want an error naming data/providers.geojson", err)
	}
}
