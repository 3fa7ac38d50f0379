package content

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"artsmap/internal/cachefile"
	"artsmap/internal/diag"
	"artsmap/internal/geo"
	"artsmap/internal/sitefs"
	"artsmap/internal/synth"
)

// later is a load start after every file a test writes, by more than
// racyMargin: the test's folders count as written long before.
var later = time.Now().Add(time.Hour)

// cachedLoad loads dir with a cache read from old, returning the load,
// the cache's new bytes and what the cache did.
func cachedLoad(t *testing.T, dir string, old, salt []byte, start time.Time) (*Site, *diag.List, []byte, CacheStats) {
	t.Helper()
	var next bytes.Buffer
	c := NewFolderCache(bytes.NewReader(old), int64(len(old)), salt, &next, start)
	s, probs := Load(sitefs.New(dir, MaxFileSize), Options{Now: now, Cache: c})
	c.KeepTaken()
	stats, err := c.Stats()
	if err != nil {
		t.Fatal(err)
	}
	return s, probs, next.Bytes(), stats
}

// sameLoad fails unless a load with a cache gave what one without did.
func sameLoad(t *testing.T, dir string, s *Site, probs *diag.List) {
	t.Helper()
	want, wantProbs := Load(sitefs.New(dir, MaxFileSize), Options{Now: now})
	if !reflect.DeepEqual(s, want) {
		for i := range want.Providers {
			if i < len(s.Providers) && !reflect.DeepEqual(s.Providers[i], want.Providers[i]) {
				t.Fatalf("provider %d differs:\n got %+v\nwant %+v", i, s.Providers[i], want.Providers[i])
			}
		}
		t.Fatal("the site loaded with the cache differs from the one loaded without")
	}
	if got, want := probs.Items(), wantProbs.Items(); !reflect.DeepEqual(got, want) {
		t.Fatalf("problems with the cache:\n%v\nwithout:\n%v", got, want)
	}
}

func writeSynth(t *testing.T, n int, seed uint64) string {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, n, seed); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFolderCacheGivesTheSameLoad loads synthetic sites and this
// repository's own site three times: with an empty cache (every folder
// stored), with the cache that wrote (every folder taken), and without;
// all three must be the same site with the same problems.
func TestFolderCacheGivesTheSameLoad(t *testing.T) {
	dirs := map[string]string{"synthetic 1": writeSynth(t, 40, 1), "synthetic 7": writeSynth(t, 25, 7), "repository": "../.."}
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			s, probs, data, stats := cachedLoad(t, dir, nil, []byte("p"), later)
			if stats.Stored == 0 || stats.Taken != 0 {
				t.Fatalf("first load: %+v, want every folder stored", stats)
			}
			sameLoad(t, dir, s, probs)
			s, probs, again, stats := cachedLoad(t, dir, data, []byte("p"), later)
			if stats.Taken != stats.Old || stats.Stored != 0 || stats.Loaded != 0 {
				t.Fatalf("second load: %+v, want every folder taken", stats)
			}
			sameLoad(t, dir, s, probs)
			if len(again) != len(data) {
				t.Fatalf("the cache went from %d to %d bytes with nothing changed", len(data), len(again))
			}
		})
	}
}

// TestFolderCacheSeesChanges changes a provider folder in ways that keep
// or change its size and checks that the next load reads it again, and
// that a new site.toml, another date or another program takes nothing.
func TestFolderCacheSeesChanges(t *testing.T) {
	dir := writeSynth(t, 12, 3)
	_, _, data, _ := cachedLoad(t, dir, nil, []byte("p"), later)
	index := filepath.Join(dir, "content/providers/provider-00004/index.md")
	text, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	same := bytes.Replace(text, []byte(`summary = "`), []byte(`summary = "X`), 1)
	same = bytes.Replace(same, []byte("\n\n"), []byte("\n"), 1) // the same size
	if len(same) != len(text) || bytes.Equal(same, text) {
		t.Fatal("the edit does not keep the size")
	}
	if err := os.WriteFile(index, same, 0o644); err != nil {
		t.Fatal(err)
	}
	s, probs, data, stats := cachedLoad(t, dir, data, []byte("p"), later)
	if stats.Taken != stats.Old-1 || stats.Stored != 1 {
		t.Fatalf("after one edit: %+v, want one folder read again", stats)
	}
	sameLoad(t, dir, s, probs)
	if !strings.HasPrefix(s.Providers[4].Summary, "X") {
		t.Fatalf("the edit was not read: %q", s.Providers[4].Summary)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/providers/provider-00007/notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, _, stats = cachedLoad(t, dir, data, []byte("p"), later); stats.Taken != stats.Old-1 {
		t.Fatalf("after a file was added: %+v, want one folder read again", stats)
	}
	if _, _, _, stats = cachedLoad(t, dir, data, []byte("another program"), later); stats.Taken != 0 || stats.Old != 0 {
		t.Fatalf("another program: %+v, want nothing taken", stats)
	}
	var next bytes.Buffer
	c := NewFolderCache(bytes.NewReader(data), int64(len(data)), []byte("p"), &next, later)
	Load(sitefs.New(dir, MaxFileSize), Options{Now: now.AddDate(0, 0, 1), Cache: c})
	if stats, _ := c.Stats(); stats.Taken != 0 {
		t.Fatalf("another day: %+v, want nothing taken", stats)
	}
	cfg := filepath.Join(dir, "content/site.toml")
	site, _ := os.ReadFile(cfg)
	if err := os.WriteFile(cfg, append(site, "\n# changed\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, _, stats = cachedLoad(t, dir, data, []byte("p"), later); stats.Taken != 0 {
		t.Fatalf("after site.toml changed: %+v, want nothing taken", stats)
	}
}

// TestFolderCacheSkipsRecentAndBroken checks what is never stored: a
// folder written just before the load (a write in the same clock tick
// would not change its key) and a folder with errors.
func TestFolderCacheSkipsRecentAndBroken(t *testing.T) {
	dir := writeSynth(t, 6, 5)
	_, _, data, stats := cachedLoad(t, dir, nil, []byte("p"), time.Now())
	if stats.Stored != 0 || stats.Loaded != 6 || len(cachefile.Index(bytes.NewReader(data), int64(len(data)), cacheHeader([]byte("p")), 2)) != 0 {
		t.Fatalf("folders written just now: %+v, want none stored", stats)
	}
	index := filepath.Join(dir, "content/providers/provider-00002/index.md")
	text, _ := os.ReadFile(index)
	if err := os.WriteFile(index, bytes.Replace(text, []byte("since = "), []byte("since = \"x\"\nsince2 = "), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, _, stats := cachedLoad(t, dir, nil, []byte("p"), later)
	if probs.Errors() == 0 || stats.Stored != 5 || stats.Loaded != 1 {
		t.Fatalf("one folder with errors: %+v (%d errors), want the other five stored", stats, probs.Errors())
	}
}

// TestFolderCacheDamaged cuts and spoils a cache: the entries it can no
// longer vouch for are read again, and the load is still the same.
func TestFolderCacheDamaged(t *testing.T) {
	dir := writeSynth(t, 10, 9)
	_, _, data, _ := cachedLoad(t, dir, nil, []byte("p"), later)
	spoilt := bytes.Clone(data)
	i := bytes.Index(spoilt, []byte("provider-00005"))
	j := bytes.Index(spoilt[i:], []byte(`"Summary":"`)) + i + len(`"Summary":"`)
	spoilt[j] ^= 1
	for name, damaged := range map[string][]byte{"cut short": data[:len(data)*2/3], "a byte changed": spoilt, "not a cache": []byte("hello")} {
		t.Run(name, func(t *testing.T) {
			s, probs, _, stats := cachedLoad(t, dir, damaged, []byte("p"), later)
			if stats.Taken+stats.Stored != 10 || stats.Taken >= 10 {
				t.Fatalf("%+v, want some folders read again and all kept", stats)
			}
			sameLoad(t, dir, s, probs)
		})
	}
}

// TestProviderRecordKeepsEveryField fills every field of a provider (at
// any depth, pointers to false and zero included) and checks that its
// record comes back the same, so that a field added to the model later
// cannot be lost by the cache without this test failing.
func TestProviderRecordKeepsEveryField(t *testing.T) {
	p := &Provider{}
	fillValue(reflect.ValueOf(p).Elem(), 1)
	p.Areas = []geo.Area{{ID: "a", Name: "A", Code: "E1", Geometry: orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}},
		{ID: "b", Geometry: orb.MultiPolygon{{{{0, 0}, {2, 0}, {2, 2}, {0, 0}}}}}}
	f := false
	p.Venues[0].StepFree = &f
	p.broken, p.noVenues = true, true
	l := &loader{site: &Site{Providers: []*Provider{p}}, probs: &diag.List{}, docs: map[any]*decoded{p: {path: "x", text: "t", first: 2}}}
	l.probs.Warnf("x", 1, 2, "w").Hint = "h"
	data, err := json.Marshal(recordUnit(l))
	if err != nil {
		t.Fatal(err)
	}
	var r unitRecord
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	back := l.unit()
	r.fill(back)
	if !reflect.DeepEqual(back.site.Providers, l.site.Providers) || !sameDocs(back, l) ||
		!reflect.DeepEqual(back.probs.Items(), l.probs.Items()) {
		t.Fatalf("the record lost something:\n got %+v\nwant %+v", back.site.Providers[0], p)
	}
}

// fillValue sets every settable field of v to a value that is not zero:
// strings, numbers, booleans, one element in each slice, a target for
// each pointer, and dates.
func fillValue(v reflect.Value, n int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + strconv.Itoa(n))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(n))
	case reflect.Float64:
		v.SetFloat(float64(n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte("bytes"))
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillValue(v.Index(0), n+1)
	case reflect.Array:
		for i := range v.Len() {
			fillValue(v.Index(i), n+i)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillValue(v.Elem(), n+1)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)))
			return
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() && v.Type().Field(i).Type != reflect.TypeFor[orb.Geometry]() {
				fillValue(f, n+i)
			}
		}
	}
}
