package site

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"artsmap/internal/synth"
)

// TestPageLinks: the first, the last and two either side of the current page.
func TestPageLinks(t *testing.T) {
	tests := []struct {
		current, total int
		want           string
	}{
		{1, 1, "[1]"},
		{1, 3, "[1] 2 3"},
		{5, 10, "1 … 3 4 [5] 6 7 … 10"},
		{10, 10, "1 … 8 9 [10]"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		for i, l := range pageLinks(tt.current, tt.total) {
			if i > 0 {
				b.WriteString(" ")
			}
			if l.Gap {
				b.WriteString("… ")
			}
			if l.Current {
				fmt.Fprintf(&b, "[%d]", l.Number)
			} else {
				fmt.Fprintf(&b, "%d", l.Number)
			}
		}
		if b.String() != tt.want {
			t.Errorf("pageLinks(%d, %d) = %s, want %s", tt.current, tt.total, b.String(), tt.want)
		}
	}
}

// TestDirectoryPages: a directory of more than one page lists every
// provider once across its pages, and the script's file of cards holds all.
func TestDirectoryPages(t *testing.T) {
	n := DirectoryPageSize + 3
	out, _ := build(t, synth.Site(n, 1))
	tree := readTree(t, out)
	cards := 0
	for _, name := range []string{"providers/index.html", "providers/page/2/index.html"} {
		cards += bytes.Count(tree[name], []byte("<li data-slug="))
		if !bytes.Contains(tree[name], []byte(`aria-label="Pagination"`)) {
			t.Errorf("%s has no page links", name)
		}
	}
	if cards != n {
		t.Errorf("the pages list %d providers, want %d", cards, n)
	}
	var chunks []byte
	for k := 0; k*CardsChunkSize < n; k++ {
		name := trim(cardsChunkPath(k))
		if got, want := bytes.Count(tree[name], []byte("<li data-slug=")), min(CardsChunkSize, n-k*CardsChunkSize); got != want {
			t.Errorf("%s holds %d cards, want %d", name, got, want)
		}
		chunks = append(chunks, tree[name]...)
	}
	if _, ok := tree[trim(cardsChunkPath((n+CardsChunkSize-1)/CardsChunkSize))]; ok {
		t.Error("a chunk of cards after the last provider")
	}
	// The chunks hold the cards in the pages' order, A to Z.
	if got, want := slugsIn(chunks), slugsIn(append(tree["providers/index.html"], tree["providers/page/2/index.html"]...)); !slices.Equal(got, want) {
		t.Errorf("the chunks list %v, the pages %v", got, want)
	}
	if _, ok := tree["providers/page/3/index.html"]; ok {
		t.Error("a third page for three providers more than one page")
	}
}

// TestDirectoryEmbedPages: the embedded directory lists the first page
// without JavaScript, with links to the others when there are more, and
// hands its script every card; with one page only, there is no cards file
// at all.
func TestDirectoryEmbedPages(t *testing.T) {
	for _, n := range []int{DirectoryPageSize, DirectoryPageSize + 1} {
		out, _ := build(t, synth.Site(n, 1))
		tree := readTree(t, out)
		embed := tree["embed/directory/index.html"]
		paged := n > DirectoryPageSize
		if got := bytes.Count(embed, []byte("<li data-slug=")); got != DirectoryPageSize {
			t.Errorf("%d providers: the embed lists %d, want %d", n, got, DirectoryPageSize)
		}
		if got := bytes.Contains(embed, []byte(`aria-label="Pagination"`)); got != paged {
			t.Errorf("%d providers: the embed has page links: %v", n, got)
		}
		_, cards := tree[trim(cardsChunkPath(0))]
		for name, page := range map[string][]byte{"embed": embed, "directory": tree["providers/index.html"]} {
			if got := bytes.Contains(page, []byte(`data-cards="`+cardsChunkPath(0)+`"`)); got != paged || cards != paged {
				t.Errorf("%d providers: %s names the cards file: %v, cards file written: %v", n, name, got, cards)
			}
		}
	}
}

// TestCountsAgree: a count of one takes the singular, on the home page and
// in the directory, with and without pages.
func TestCountsAgree(t *testing.T) {
	out, _ := build(t, synth.Site(1, 1))
	tree := readTree(t, out)
	for name, want := range map[string][]string{
		"index.html":           {"<strong>1</strong> organisation or artist</li>"},
		"providers/index.html": {"1 organisation or artist offers", "Showing the only provider"},
	} {
		for _, w := range want {
			if !bytes.Contains(tree[name], []byte(w)) {
				t.Errorf("%s does not say %q", name, w)
			}
		}
	}
	// The one synthetic provider is established, so none is emerging.
	for _, w := range []string{"<strong>1</strong> established provider</li>", "<strong>0</strong> emerging providers</li>"} {
		if !bytes.Contains(tree["index.html"], []byte(w)) {
			t.Errorf("the home page does not say %q", w)
		}
	}
}

// slugsIn lists the slugs of the cards in page, in order.
func slugsIn(page []byte) []string {
	var out []string
	for _, m := range slugAttr.FindAllSubmatch(page, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

var slugAttr = regexp.MustCompile(`<li data-slug="([^"]+)"`)
