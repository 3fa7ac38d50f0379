// The directory page: search as you type, combinable filters with live
// counts, sorting (by distance too), a shortlist, and the address as the
// whole state. It enhances the server-rendered list; without JavaScript
// that list is complete on its own, split into pages on a large site, and
// then the script fetches the other cards, a chunk at a time, from the
// files data-cards names. The index too is fetched in parts, as the
// visitor's words, filters and sort need them (index.js).

import { openIndex } from './index.js';
import { runQuery } from './query.js';
import { applyFacets } from './facets.js';
import { emptyText, waysOn } from './empty.js';
import { Postcodes, placeText } from '../postcode.js';
import { orderDocs } from './order.js';
import { parseState, formatState, effectiveSort, filterKeys } from './state.js';
import { readControls, writeControls, writeCounts } from './controls.js';
import { Results, countText } from './results.js';
import { setupShortlist } from './shortlist-ui.js';
import { tokens } from './tokens.js';

const PAGE = 20;

async function start() {
  const form = /** @type {HTMLFormElement|null} */ (document.getElementById('directory'));
  const list = document.getElementById('result-list');
  if (!form || !list) return;
  const index = await openIndex(form.dataset.facets, form.dataset.terms);
  const d = form.dataset;
  const source = d.cards ? { url: d.cards, size: Number(d.cardsSize), first: Number(d.first || 1) } : null;
  const view = new View(form, list, index, source);
  view.setup();
}

class View {
  constructor(form, list, index, source) {
    this.form = form;
    this.index = index;
    this.results = new Results(list, index, source);
    this.generation = 0;
    this.count = document.getElementById('result-count');
    this.status = document.getElementById('result-status');
    this.more = document.getElementById('more');
    this.limit = PAGE;
    this.myLocation = null;
    this.announceTimer = 0;
    this.postcodes = form.dataset.postcodes ? new Postcodes(form.dataset.postcodes) : null;
    this.found = new Map(); // text -> what the postcode lookup found in it
    this.ways = document.getElementById('ways-on');
  }

  setup() {
    for (const el of this.form.querySelectorAll('[data-js-only]')) el.hidden = false;
    for (const el of document.querySelectorAll('[data-without-js]')) el.hidden = true;
    const panel = this.form.querySelector('details.filter-panel');
    if (panel && window.matchMedia('(min-width: 60rem)').matches) panel.open = true;
    // Words typed while the page was still loading count too.
    const early = this.form.elements.namedItem('q')?.value ?? '';
    this.state = parseState(location.search, filterKeys(this.index));
    if (early && !this.state.q) this.state.q = early;
    writeControls(this.form, this.state);
    // Choosing a town replaces a postcode typed for "near".
    const pcBox = this.form.elements.namedItem('near-postcode');
    this.form.elements.namedItem('near')?.addEventListener('change', () => { if (pcBox) pcBox.value = ''; });
    this.form.addEventListener('input', () => this.changed());
    this.form.addEventListener('change', () => this.changed());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.changed();
      this.count?.focus();
    });
    this.more?.addEventListener('click', () => {
      this.limit += PAGE;
      this.render();
    });
    window.addEventListener('popstate', () => this.fromURL());
    window.addEventListener('pageshow', (e) => e.persisted && this.fromURL());
    setupShortlist(this.form.ownerDocument, this.results);
    this.render();
  }

  fromURL() {
    this.state = parseState(location.search, filterKeys(this.index));
    writeControls(this.form, this.state);
    this.render();
  }

  changed() {
    const next = readControls(this.form, this.state);
    const query = formatState(next);
    if (query === formatState(this.state)) return;
    this.state = next;
    this.limit = PAGE;
    this.render();
    // Writing the address is slow in some browsers: do it once typing pauses.
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => history.replaceState(history.state, '', location.pathname + query + location.hash), 150);
  }

  /** Where "near" is: a town, the browser's location or a postcode. */
  origin() {
    if (this.state.near === 'my-location') return this.myLocation ?? this.locate();
    const p = this.index.places.find((pl) => pl.id === this.state.near);
    if (p) return { lon: p.lon, lat: p.lat };
    const pc = this.postcode(this.state.near);
    return pc?.place ? { lon: pc.place.lon, lat: pc.place.lat } : null;
  }

  /** The postcode "near" names, when it names one (not a town). */
  nearPostcode() {
    const near = this.state.near;
    if (!near || near === 'my-location' || this.index.places.some((pl) => pl.id === near)) return null;
    return this.postcode(near);
  }

  locate() {
    if (!navigator.geolocation) {
      this.say('Your browser cannot share its location. Choose a town instead.');
      return null;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.myLocation = { lon: pos.coords.longitude, lat: pos.coords.latitude };
        this.render();
      },
      () => this.say('Your location is not available. Choose a town instead.'),
      { maximumAge: 600000, timeout: 10000 },
    );
    return null;
  }

  /**
   * The postcode the query names, once looked up: null while the lookup
   * runs (it renders again when it ends) and when there is none.
   */
  postcode(text) {
    if (!this.postcodes || !text.trim()) return null;
    if (this.found.has(text)) return this.found.get(text);
    if (this.found.size > 100) this.found.clear(); // one entry a keystroke: keep it small
    this.found.set(text, null);
    this.postcodes.find(text).then((result) => {
      this.found.set(text, result);
      if (this.state.q === text || this.state.near === text) this.render();
    }, (err) => console.warn('The postcode lookup failed; words still work.', err));
    return null;
  }

  /**
   * Shows the results of the state. What they need and is not loaded yet
   * (words, filters, review dates, points, cards) is fetched first, and the
   * list marked busy meanwhile; a later state overtakes an earlier one.
   * The filter counts, when words change them, follow once the filters
   * are loaded.
   */
  render() {
    const gen = ++this.generation;
    performance.mark('directory-render-start');
    const inWords = this.postcode(this.state.q);
    const words = inWords ? inWords.words : this.state.q;
    const pc = inWords?.place ? inWords : this.nearPostcode() ?? inWords;
    const origin = inWords?.place ? { lon: inWords.place.lon, lat: inWords.place.lat } : this.origin();
    const sort = effectiveSort({ ...this.state, q: words }, origin !== null);
    const pending = this.missing(words, origin, sort);
    if (pending) return this.wait(gen, pending);
    const q = runQuery(this.index, words);
    performance.mark('directory-query');
    const { docs, counts } = applyFacets(this.index, q.docs, this.state.filters, this.state.age);
    performance.mark('directory-facets');
    const { order, total, distances } = orderDocs(this.index, docs, { sort, scores: q.scores, origin, limit: this.limit });
    performance.mark('directory-order');
    const cards = this.results.need(order);
    if (cards) return this.wait(gen, cards);
    this.results.show(order, this.limit, q.terms, distances);
    this.results.list.removeAttribute('aria-busy');
    performance.mark('directory-show');
    this.counts(counts, q.docs !== null);
    const ways = total === 0 ? waysOn(this.index, q.docs, this.state, words, inWords?.place ? null : inWords) : [];
    let text = total === 0 ? emptyText(ways) : countText(total, this.index.size);
    if (pc) text = pc.place ? `${text}, ${placeText(pc, this.form.dataset.region)}` : `${capital(placeText(pc, this.form.dataset.region))}. ${text}`;
    this.showWays(ways, total === 0);
    // Only what changed is written: each write costs the page a new layout.
    if (this.count && this.count.textContent !== text) this.count.textContent = text;
    if (this.more && this.more.hidden !== total <= this.limit) this.more.hidden = total <= this.limit;
    setHref(document.getElementById('to-map'), `/map/${formatState(this.state)}`);
    for (const a of document.querySelectorAll('a[data-keep-filters]')) setHref(a, a.dataset.keepFilters + formatState(this.state));
    this.form.dataset.shown = this.state.q;
    if (document.documentElement.dataset.directory !== 'ready') {
      document.documentElement.dataset.directory = 'ready'; // the first results are shown
      performance.mark('directory-ready');
    }
    performance.measure('directory-render', 'directory-render-start');
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.say(text), 700);
    this.index.prefetch(words);
  }

  /** What the state needs of the index that is not loaded: a promise, or null. */
  missing(words, origin, sort) {
    const ix = this.index;
    const waits = [];
    if (!ix.hasText([...new Set(tokens(words))])) waits.push(ix.loadText(words));
    if ((this.state.filters.size > 0 || this.state.age !== '') && !ix.hasFacets) waits.push(ix.loadFacets());
    if (origin && !ix.points) waits.push(ix.loadPoints());
    if (sort === 'reviewed' && !ix.reviewed) waits.push(ix.loadReviewed());
    return waits.length ? Promise.all(waits) : null;
  }

  /** Renders again once p has loaded, unless a later state came first. */
  wait(gen, p) {
    this.results.list.setAttribute('aria-busy', 'true');
    p.then(() => gen === this.generation && this.render(), (err) => {
      this.results.list.removeAttribute('aria-busy');
      document.documentElement.dataset.directory ??= 'failed';
      this.say('Part of the search could not be loaded. Try again, or browse the lists below.');
      console.warn('The directory could not load part of its index.', err);
    });
  }

  /**
   * Shows the filter counts; without the filters loaded they are the
   * page's own (every provider), right until words narrow the results:
   * then the filters are fetched and the counts follow.
   */
  counts(counts, narrowed) {
    if (this.index.hasFacets) {
      writeCounts(this.form, counts);
      delete this.form.dataset.counting;
    } else if (narrowed && this.form.dataset.counting === undefined) {
      // Fetched once the results are painted: they do not need the filters.
      this.form.dataset.counting = '';
      requestAnimationFrame(() => setTimeout(() => this.index.loadFacets().then(() => this.render(),
        (err) => console.warn('The filter counts could not be loaded.', err))));
    }
  }

  /** Lists the ways on from an empty result as links to each view. */
  showWays(ways, empty) {
    if (!this.ways) return;
    if (this.ways.hidden !== !empty) this.ways.hidden = !empty;
    const list = this.ways.querySelector('ul');
    if (!list || (ways.length === 0 && !list.firstChild)) return;
    list.replaceChildren(...ways.map((w) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = location.pathname + formatState(w.state);
      a.textContent = `Drop ${w.label}: ${w.n} ${w.n === 1 ? 'provider' : 'providers'}`;
      li.append(a);
      return li;
    }));
  }

  /** Tells screen reader users, politely, once typing pauses. */
  say(text) {
    if (this.status) this.status.textContent = text;
  }
}

function setHref(a, href) {
  if (a && a.getAttribute('href') !== href) a.setAttribute('href', href);
}

function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

start().catch((err) => {
  document.documentElement.dataset.directory = 'failed';
  console.warn('The directory search could not start; the full list still works.', err);
});

