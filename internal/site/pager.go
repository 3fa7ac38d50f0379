package site

import (
	"strconv"
	"strings"
)

// DirectoryPageSize is how many providers each page of the directory lists
// for readers without JavaScript. Page 1 is /providers/; page n is
// /providers/page/n/. With JavaScript the directory shows every provider,
// reading the cards the page lacks, a chunk at a time, from CardsPath.
const DirectoryPageSize = 100

// CardsChunkSize is how many cards each file of cards holds: the directory's
// script fetches only the chunks of the results it shows.
const CardsChunkSize = 20

// CardsPath is where chunk k of the providers' directory cards is ({n} is
// k): the cards of providers CardsChunkSize*k to CardsChunkSize*(k+1)-1,
// A to Z. The chunks are written only when the directory has more than
// one page. The page names the first chunk (data-cards), and the script
// puts each chunk's number in place of its 0.
const CardsPath = "/providers/cards-{n}.html"

// cardsChunkPath is the address of chunk k.
func cardsChunkPath(k int) string { return strings.Replace(CardsPath, "{n}", strconv.Itoa(k), 1) }

// cardChunk is what one file of cards shows.
type cardChunk struct {
	*Site
	Providers   []*Provider
	First, Last int // positions of its first and last provider, from 1
}

// cardChunks adds the files of cards to the outputs, when the directory
// has more than one page, and what each lists to lists: with the built-in
// layouts, a file of cards shows the site's name and its providers' cards
// (each made from its provider alone, see cards) and their positions.
func (s *Site) cardChunks(ts templates, table map[string]output, lists map[string]listedBy) {
	if len(s.Providers) <= DirectoryPageSize {
		return
	}
	if s.ownLayouts { // a layout of the site's may show more (see pageListed)
		lists = map[string]listedBy{}
	}
	for k := 0; k*CardsChunkSize < len(s.Providers); k++ {
		lo, hi := k*CardsChunkSize, min((k+1)*CardsChunkSize, len(s.Providers))
		c := &cardChunk{Site: s, Providers: s.Providers[lo:hi], First: lo + 1, Last: hi}
		path := cardsChunkPath(k)
		table[trim(path)] = func() ([]byte, error) { return ts.executePart("providers", "provider-cards", path, c) }
		lists[trim(path)] = listedBy{providers: c.Providers, what: strconv.Itoa(lo) + " " + strconv.Itoa(hi)}
	}
}

// Pager is one page of the directory.
type Pager struct {
	Number, Total int
	First         int // the position of the page's first provider, from 1
	Providers     []*Provider
	Prev, Next    string    // addresses of the neighbouring pages, "" at either end
	Links         []PageRef // the pages to offer: the first, the last and those near this one
}

// PageRef is a link to one page of a list; Gap marks pages left out before it.
type PageRef struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// Last is the position of the page's last provider, from 1.
func (p *Pager) Last() int { return p.First + len(p.Providers) - 1 }

// directoryURL is the address of page n of the directory.
func directoryURL(n int) string {
	if n <= 1 {
		return "/providers/"
	}
	return "/providers/page/" + strconv.Itoa(n) + "/"
}

// directoryPagers splits the providers into pages of DirectoryPageSize.
// There is always at least one page, which may be empty.
func directoryPagers(providers []*Provider) []*Pager {
	total := max(1, (len(providers)+DirectoryPageSize-1)/DirectoryPageSize)
	out := make([]*Pager, total)
	for i := range out {
		lo, hi := i*DirectoryPageSize, min((i+1)*DirectoryPageSize, len(providers))
		p := &Pager{Number: i + 1, Total: total, First: lo + 1, Providers: providers[lo:hi]}
		if i > 0 {
			p.Prev = directoryURL(i)
		}
		if i+1 < total {
			p.Next = directoryURL(i + 2)
		}
		p.Links = pageLinks(i+1, total)
		out[i] = p
	}
	return out
}

// pageLinks offers the first and last pages and the two either side of
// the current one, marking where pages are left out.
func pageLinks(current, total int) []PageRef {
	var out []PageRef
	prev := 0
	for n := 1; n <= total; n++ {
		if n != 1 && n != total && (n < current-2 || n > current+2) {
			continue
		}
		out = append(out, PageRef{Number: n, URL: directoryURL(n), Current: n == current, Gap: n > prev+1})
		prev = n
	}
	return out
}
