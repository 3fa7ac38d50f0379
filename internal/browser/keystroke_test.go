package browser

import (
	"slices"
	"strconv"
	"testing"
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

// watchList counts, from now on, the changes to the result list and
// everything in it (cards moved, text rewritten, marks added).
const watchList = `(() => {
	window.listChanges = 0;
	new MutationObserver((ms) => { window.listChanges += ms.length; })
		.observe(document.getElementById('result-list'), {childList: true, subtree: true, characterData: true});
	return true;
})()`

// TestKeystrokeTouchesOnlyWhatChanged: a keystroke that leaves the results
// and their marks as they were (a space typed before the next word) moves
// no card and rewrites no text, since each change costs the page its style
// and layout again; and marks still follow the words as they change.
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
	shown := Eval[[]string](t, tab, visibleSlugs)
	Eval[bool](t, tab, watchList)
	searchFor(t, tab, "singing ")
	if got := Eval[[]string](t, tab, visibleSlugs); !slices.Equal(got, shown) {
		t.Fatalf(`"singing " shows %v, "singing" %v`, got, shown)
	}
	if n := Eval[int](t, tab, `window.listChanges`); n != 0 {
		t.Errorf(`typing a space after "singing" changed the result list %d times, want none`, n)
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
// next keystroke does not wait for them.
func TestKeystrokeFetchesAhead(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	Eval[bool](t, tab, logFetches)
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
