package browser

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"artsmap/internal/synth"
)

// searchFor types q into the directory's search box as a visitor does, and
// waits until its results are shown.
func searchFor(t *testing.T, tab *Tab, q string) {
	t.Helper()
	Eval[bool](t, tab, `(async () => {
		const form = document.getElementById('directory');
		const list = () => document.getElementById('result-list');
		const done = () => form.dataset.shown === `+strconv.Quote(q)+` && list().getAttribute('aria-busy') !== 'true';
		const box = document.getElementById('q');
		box.value = `+strconv.Quote(q)+`;
		box.dispatchEvent(new Event('input', {bubbles: true}));
		while (!done()) await new Promise(r => setTimeout(r, 10));
		return true;
	})()`)
}

// watchPage counts, from now on, the changes to the page's main content:
// cards moved, text rewritten, marks added, links and parts shown or hidden
// (not the live region, which speaks once typing pauses).
const watchPage = `(() => {
	window.pageChanges = [];
	new MutationObserver((ms) => {
		for (const m of ms) {
			const el = m.target.nodeType === Node.ELEMENT_NODE ? m.target : m.target.parentElement;
			if (!el.closest('#result-status')) window.pageChanges.push((el.id || el.tagName) + ' ' + m.type + ' ' + (m.attributeName || ''));
		}
	}).observe(document.querySelector('main'), {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'hidden']});
	return true;
})()`

// TestKeystrokeTouchesOnlyWhatChanged: a keystroke that leaves the results
// and their marks as they were (a space typed before the next word) moves
// no card, rewrites no text and sets no link or count line again, since
// each change costs the page its style and layout again; and marks still
// follow the words as they change.
func TestKeystrokeTouchesOnlyWhatChanged(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	const listHTML = `document.getElementById('result-list').innerHTML`
	before := Eval[string](t, tab, listHTML)

	searchFor(t, tab, "singing")
	if n := Eval[int](t, tab, `document.querySelectorAll('#result-list mark').length`); n == 0 {
		t.Fatal(`"singing" marks no word`)
	}
	tab.WaitFor(t, `!('counting' in document.getElementById('directory').dataset)`) // the filter counts, fetched after the results
	shown := Eval[[]string](t, tab, visibleSlugs)
	Eval[bool](t, tab, watchPage)
	searchFor(t, tab, "singing ")
	if got := Eval[[]string](t, tab, visibleSlugs); !slices.Equal(got, shown) {
		t.Fatalf(`"singing " shows %v, "singing" %v`, got, shown)
	}
	// Only the map link changes: it carries the words, space included.
	if changes := Eval[[]string](t, tab, `window.pageChanges`); !slices.Equal(changes, []string{"to-map attributes href"}) {
		t.Errorf(`typing a space after "singing" changed the page %d times, want only the map link: %q`, len(changes), changes)
	}

	searchFor(t, tab, "dementia")
	for _, m := range Eval[[]string](t, tab, `[...document.querySelectorAll('#result-list mark')].map(m => m.textContent.toLowerCase())`) {
		if m != "dementia" {
			t.Errorf(`"dementia" marks %q`, m)
		}
	}
	searchFor(t, tab, "")
	if after := Eval[string](t, tab, listHTML); after != before {
		t.Errorf("with the search box emptied the list differs from the first one:\n%s\nwant\n%s", after, before)
	}
}

// logFetches records every address the page fetches from now on, with the
// query the page showed when it asked.
const logFetches = `(() => {
	window.fetched = [];
	const plain = window.fetch;
	window.fetch = (url, opts) => {
		window.fetched.push({shown: document.getElementById('directory').dataset.shown, file: String(url).split('/').pop()});
		return plain(url, opts);
	};
	return true;
})()`

// TestKeystrokeFetchesAhead: the word lists a typo of a word one letter
// longer needs are requested as soon as the shorter word is shown, so the
// next keystroke does not wait for them; none while that word would still
// be too short for typos.
func TestKeystrokeFetchesAhead(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	Eval[bool](t, tab, logFetches)
	searchFor(t, tab, "de") // "dea" is still too short for typos: nothing to fetch ahead
	Eval[bool](t, tab, `new Promise(r => setTimeout(() => r(true), 300))`)
	if early := Eval[[]string](t, tab, `window.fetched.map(f => f.file).filter(f => f.startsWith('words-'))`); len(early) > 0 {
		t.Errorf(`"de" fetched word lists %v, though no word of three letters is matched with a typo`, early)
	}
	searchFor(t, tab, "demensi")
	Eval[bool](t, tab, `new Promise(r => setTimeout(() => r(true), 300))`)
	from := Eval[int](t, tab, `window.fetched.length`)
	if ahead := Eval[[]string](t, tab, `window.fetched.filter(f => f.shown === 'demensi' && f.file.startsWith('words-')).map(f => f.file)`); len(ahead) == 0 {
		t.Error(`nothing was fetched ahead once "demensi" was shown`)
	}
	searchFor(t, tab, "demensia")
	waited := Eval[[]string](t, tab, `window.fetched.slice(`+strconv.Itoa(from)+`).filter(f => f.shown !== 'demensia' && f.file.startsWith('words-')).map(f => f.file)`)
	if len(waited) > 0 {
		t.Errorf(`typing the "a" of "demensia" waited for word lists %v: they were not fetched ahead`, waited)
	}
	if got := Eval[[]string](t, tab, visibleSlugs); len(got) == 0 {
		t.Error(`"demensia" found nothing`)
	}
}

// syntheticDirectory opens the directory of a 260-provider synthetic site
// (three pages of results, several chunks of cards and words), ready.
func syntheticDirectory(t *testing.T) *Tab {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(dir, 260, 1); err != nil {
		t.Fatal(err)
	}
	tab := Start(t).NewTab(t)
	tab.Go(t, buildAndServe(t, dir)+"/providers/")
	tab.WaitFor(t, directoryReady)
	return tab
}

// TestPrefixChunksFetchedTogether: when a word's extensions run on into
// the next chunk of words, both chunks are requested at once, not one after
// the other (each wait is a round trip on the first results).
func TestPrefixChunksFetchedTogether(t *testing.T) {
	tab := syntheticDirectory(t)
	// A word whose chunk is c and which the first word of chunk c+1 starts with.
	word := Eval[string](t, tab, `(async () => {
		const { tokens } = await import('/js/directory/tokens.js');
		const firsts = (await (await fetch('/providers/terms.json')).json()).chunks;
		for (let c = 0; c + 1 < firsts.length; c++) {
			for (let n = 2; n < firsts[c + 1].length; n++) {
				const w = firsts[c + 1].slice(0, n);
				if (firsts[c] <= w && /^[a-z]+$/.test(w) && tokens(w).join() === w) return w;
			}
		}
		return '';
	})()`)
	if word == "" {
		t.Fatal("no word of the synthetic site runs on into a second chunk of words")
	}
	Eval[bool](t, tab, `(() => {
		window.chunkFetches = [];
		const plain = window.fetch;
		window.fetch = (url, opts) => {
			const f = {file: String(url).split('/').pop(), start: performance.now(), end: 0};
			if (f.file.startsWith('terms-')) window.chunkFetches.push(f);
			return plain(url, opts).then((r) => { f.end = performance.now(); return r; });
		};
		return true;
	})()`)
	searchFor(t, tab, word)
	got := Eval[[]string](t, tab, `window.chunkFetches.map(f => f.file + (window.chunkFetches.some(g => g !== f && g.start < f.end && f.start < g.end) ? ' together' : ' alone'))`)
	if len(got) < 2 {
		t.Fatalf("%q fetched the chunks %v, want its own and the next", word, got)
	}
	for _, f := range got {
		if !strings.HasSuffix(f, " together") {
			t.Errorf("%q: chunk fetches %v, want them at the same time", word, got)
			break
		}
	}
}

// oldHighlight is the highlighting as it was before it remembered each
// element's words and marks (static/js/directory/highlight.js at ddd0257),
// the reference the faster one must agree with exactly.
const oldHighlight = `
const WORD = /[\p{L}\p{N}'’]+/gu;
function oldHighlight(el, terms, originals, tokens) {
  if (!originals.has(el)) {
    if (terms.size === 0) return;
    originals.set(el, el.cloneNode(true));
  }
  const fresh = originals.get(el).cloneNode(true);
  if (terms.size) {
    const walker = document.createTreeWalker(fresh, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.nodeValue || '';
      const frag = document.createDocumentFragment();
      let last = 0;
      for (const m of text.matchAll(WORD)) {
        const t = tokens(m[0])[0];
        if (!t || !terms.has(t)) continue;
        frag.append(text.slice(last, m.index));
        const mark = document.createElement('mark');
        mark.textContent = m[0];
        frag.append(mark);
        last = m.index + m[0].length;
      }
      if (last > 0) {
        frag.append(text.slice(last));
        node.replaceWith(frag);
      }
    }
  }
  el.replaceChildren(...fresh.childNodes);
}`

// TestHighlightUnchanged marks the text of every card on the real site,
// and of text with accents, apostrophes and decomposed letters, through a
// run of queries, and checks each step gives exactly the markup the
// highlighting gave before it remembered words and marks.
func TestHighlightUnchanged(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	bad := Eval[[]string](t, tab, `(async () => {
		const { highlight } = await import('/js/directory/highlight.js');
		const { tokens } = await import('/js/directory/tokens.js');
		`+oldHighlight+`
		const parts = [...document.querySelectorAll('#result-list .card-title a, #result-list .card-summary, #result-list .facts dd')];
		for (const text of ['Café culture: cafe\u0301s and the <b>artists’</b> studio', "Dementia's friends, dementias and DEMENTIA", 'Singing—sing, sang, song; 2024 GL5 1HA']) {
			const p = document.createElement('p');
			p.innerHTML = text;
			parts.push(p);
		}
		const queries = ['singing', 'sing', 'sang', 'song', '', 'dementia', 'dementias cafe', 'art artists studio', 'gl5 2024', 'music', '', 'singing dementia'];
		const mine = new WeakMap();
		const theirs = new WeakMap();
		const pairs = parts.map((el) => [el.cloneNode(true), el.cloneNode(true)]);
		const bad = [];
		for (const q of queries) {
			const terms = new Set(tokens(q));
			for (const [a, b] of pairs) {
				highlight(a, terms, mine);
				oldHighlight(b, terms, theirs, tokens);
				if (a.innerHTML !== b.innerHTML && bad.length < 5) bad.push(q + ': ' + a.innerHTML + ' want ' + b.innerHTML);
			}
		}
		if (!pairs.some(([a]) => a.querySelector('mark'))) bad.push('nothing was ever marked');
		return bad;
	})()`)
	for _, b := range bad {
		t.Error(b)
	}
}

// TestCardsReadAsParsed: a search makes only the cards it shows, not every
// card of the chunks it fetched; and the cards made from a chunk's markup,
// one card at a time, are exactly those a parse of the whole chunk gives,
// for every chunk of a synthetic site of several pages.
func TestCardsReadAsParsed(t *testing.T) {
	tab := syntheticDirectory(t)
	const made = `document.querySelectorAll('li[data-slug]').length`
	before := Eval[int](t, tab, made)
	searchFor(t, tab, "singing")
	shown := len(Eval[[]string](t, tab, visibleSlugs))
	if n := Eval[int](t, tab, made) - before; n > shown {
		t.Errorf(`"singing" made %d cards to show %d: every card of each chunk fetched, not only those shown`, n, shown)
	}
	got := Eval[[]string](t, tab, `(async () => {
		const { cardMarkup } = await import('/js/directory/results.js');
		const bad = [];
		let chunks = 0;
		for (let k = 0; ; k++) {
			const res = await fetch('/providers/cards-' + k + '.html');
			if (!res.ok) break;
			chunks++;
			const text = await res.text();
			const whole = [...new DOMParser().parseFromString(text, 'text/html').querySelectorAll('#provider-cards > li[data-slug]')].map((li) => li.outerHTML);
			const t = document.createElement('template');
			t.innerHTML = cardMarkup(text).join('');
			const one = [...t.content.children].map((li) => li.outerHTML);
			if (whole.length === 0 || one.join('\n') !== whole.join('\n')) bad.push('cards-' + k + '.html: ' + one.length + ' cards read, ' + whole.length + ' parsed');
		}
		return [String(chunks), ...bad];
	})()`)
	if got[0] == "0" || got[0] == "1" {
		t.Fatalf("the synthetic site has %s chunks of cards, want several", got[0])
	}
	for _, b := range got[1:] {
		t.Error(b)
	}
}
