// Index: the directory's index as the Go build wrote it (internal/search),
// fetched in parts as features need them: a small entry file first, then
// the chunks of words a query's words fall in (and, for typos, the lists
// of terms of nearby lengths), the filters, review dates and venue points.

import { Bitset } from './bitset.js';
import { allowedEdits, editDistance, MAX_PREFIX } from './match.js';
import { tokens } from './tokens.js';

/**
 * @typedef {{id: string, label: string, docs: Bitset}} FacetValue
 * @typedef {{key: string, label: string, hidden: boolean, values: FacetValue[]}} Facet
 * @typedef {{terms: string[], postings: number[][]}} Chunk
 */

export class SearchIndex {
  /**
   * @param {any} entry the parsed entry file (terms.json)
   * @param {string} termsURL its address: the other files are beside it
   * @param {string} facetsURL the facets part
   */
  constructor(entry, termsURL, facetsURL) {
    this.size = entry.size;
    this.base = new URL(termsURL, location.href);
    this.facetsURL = facetsURL;
    this.firsts = entry.chunks;
    this.filters = entry.filters;
    this.wordInfo = entry.words;
    this.places = entry.places.map(([id, label, lon, lat]) => ({ id, label, lon, lat }));
    /** @type {Map<number, Chunk>} */
    this.chunks = new Map();
    /** @type {Map<string, string[]>} */
    this.groups = new Map();
    this.fetches = new Map();
    this.decoded = new Map();
    this.ready = new Set(); // query words whose terms are all loaded
    /** @type {Facet[]} */
    this.facets = [];
    this.slugs = [];
    this.ageRanges = [];
    this.bySlug = new Map();
    this.reviewed = null;
    this.points = null;
  }

  /** Fetches a file of the index once; later calls share the first. */
  file(name, parse = (r) => r.json()) {
    let p = this.fetches.get(name);
    if (!p) {
      p = fetchOK(new URL(name, this.base).href).then(parse);
      this.fetches.set(name, p);
      p.catch(() => this.fetches.delete(name));
    }
    return p;
  }

  /** The number of the chunk that holds term (or where it would be). */
  chunkOf(term) {
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.firsts[mid] <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  async loadChunk(c) {
    if (this.chunks.has(c) || c >= this.firsts.length) return; // an index without words has no chunk
    this.chunks.set(c, await this.file(`terms-${c}.json`));
  }

  /** The (length, digits) groups of terms a typo of word may be in. */
  groupsFor(word) {
    const k = allowedEdits(word);
    const { maxLength, maxDigits, groups } = this.wordInfo;
    const m = Math.min(word.length, maxLength);
    const d = Math.min(digitsIn(word), maxDigits);
    return groups.filter(([len, dig]) => Math.abs(len - m) <= k && Math.abs(dig - d) <= k).map(([len, dig]) => `${len}-${dig}`);
  }

  async loadGroup(g) {
    if (!this.groups.has(g)) this.groups.set(g, await this.file(`words-${g}.txt`, (r) => r.text().then((t) => (t ? t.split('\n') : []))));
  }

  /** Loads what matching word needs: its chunks, prefixes and typos. */
  async loadWord(word) {
    if (this.ready.has(word)) return;
    await Promise.all([this.loadPrefix(word), this.loadTypos(word)]);
    this.ready.add(word);
  }

  /** Loads the chunk word is in and those its first MAX_PREFIX extensions are in. */
  async loadPrefix(word) {
    let c = this.chunkOf(word);
    // The next chunk, when it starts with the word, is fetched at the same
    // time: it is needed unless this one holds more than MAX_PREFIX of the
    // word's extensions (then following() never reaches it). Should it fail,
    // the loop below asks again only if it is needed, and then says so.
    const ahead = c + 1 < this.firsts.length && this.firsts[c + 1].startsWith(word);
    const next = ahead ? this.loadChunk(c + 1).catch(() => {}) : null;
    await Promise.all([this.loadChunk(c), next]);
    while (c + 1 < this.firsts.length && this.firsts[c + 1].startsWith(word) && this.following(word).length <= MAX_PREFIX) {
      await this.loadChunk(++c);
    }
  }

  /** Loads the word lists a typo of word is in, then the chunks of the terms it matches. */
  async loadTypos(word) {
    const k = allowedEdits(word);
    if (k === 0) return;
    await Promise.all(this.groupsFor(word).map((g) => this.loadGroup(g)));
    const near = new Set();
    for (const t of this.candidates(word)) if (Math.abs(t.length - word.length) <= k && editDistance(word, t, k) <= k) near.add(this.chunkOf(t));
    await Promise.all([...near].map((n) => this.loadChunk(n)));
  }

  /**
   * Loads the terms the query q needs, or with no query every term (the
   * map's search, which does not say its words beforehand).
   */
  loadText(q) {
    if (q === undefined) {
      this.allText ??= Promise.all(this.firsts.map((_, c) => this.loadChunk(c))).then(() => {
        this.everything = true;
      });
      return this.allText;
    }
    return Promise.all(tokens(q).map((w) => this.loadWord(w)));
  }

  /**
   * Starts fetching, without waiting for them, the word lists a typo of
   * the last word of q would need with one more letter: what the next
   * keystroke most likely needs is then on its way while the visitor types.
   * Nothing is fetched after a space (the word is done), nor while one more
   * letter would still make a word too short for typos.
   * @param {string} q
   */
  prefetch(q) {
    const word = tokens(q.split(/\s+/).at(-1) ?? '').at(-1);
    if (!word || this.everything || allowedEdits(`${word}a`) === 0) return; // no typos that short
    for (const g of this.groupsFor(`${word}a`)) {
      this.loadGroup(g).catch(() => {}); // the keystroke that needs it fetches it again and says so
    }
  }

  /** Whether every word of q can be matched now. */
  hasText(words) {
    return this.everything || words.every((w) => this.ready.has(w));
  }

  /** The loaded terms from word on, in order, as many as prefixes need. */
  following(word) {
    const out = [];
    for (let c = this.chunkOf(word); c < this.firsts.length && out.length <= MAX_PREFIX; c++) {
      const chunk = this.chunks.get(c);
      if (!chunk) break;
      for (let i = lowerBound(chunk.terms, word); i < chunk.terms.length && out.length <= MAX_PREFIX; i++) out.push(chunk.terms[i]);
    }
    return out;
  }

  /** The terms a typo of word could be. */
  candidates(word) {
    if (this.everything) return [...this.chunks.values()].flatMap((c) => c.terms);
    return this.groupsFor(word).flatMap((g) => this.groups.get(g) ?? []);
  }

  /**
   * The documents of a term and the weight of each match.
   * @returns {{docs: Int32Array, weights: Uint8Array}}
   */
  postings(term) {
    let p = this.decoded.get(term);
    if (p) return p;
    const chunk = this.chunks.get(this.chunkOf(term));
    const raw = chunk.postings[lowerBound(chunk.terms, term)];
    const docs = new Int32Array(raw.length);
    const weights = new Uint8Array(raw.length);
    let d = 0;
    for (let i = 0; i < raw.length; i++) {
      d += Math.floor(raw[i] / 16);
      docs[i] = d;
      weights[i] = raw[i] % 16;
    }
    p = { docs, weights };
    this.decoded.set(term, p);
    return p;
  }

  /** Loads the filters, the documents' slugs and ages. */
  loadFacets() {
    this.facetsLoading ??= fetchOK(this.facetsURL).then((r) => r.json()).then((raw) => {
      this.facets = raw.facets.map((f) => ({
        key: f.key,
        label: f.label,
        hidden: !!f.hidden,
        values: f.values.map((v) => ({ id: v.id, label: v.label, docs: this.bits(v) })),
      }));
      this.slugs = raw.slugs;
      this.bySlug = new Map(this.slugs.map((s, i) => [s, i]));
      this.ageRanges = raw.ages || [];
      this.hasFacets = true;
    });
    return this.facetsLoading;
  }

  loadReviewed() {
    return this.file('reviewed.json').then((r) => { this.reviewed = r; });
  }

  loadPoints() {
    return this.file('points.json').then((p) => { this.points = p; });
  }

  /** A value's documents, written as deltas or as runs (gap, length). */
  bits(v) {
    const b = new Bitset(this.size);
    let d = 0;
    if (v.runs) {
      for (let i = 0; i + 1 < v.runs.length; i += 2) {
        d += v.runs[i];
        for (const end = d + v.runs[i + 1]; d < end; d++) b.add(d);
      }
      return b;
    }
    for (const delta of v.docs || []) {
      d += delta;
      b.add(d);
    }
    return b;
  }

  /** The documents whose programmes take a person of this age. */
  ages(age) {
    const b = new Bitset(this.size);
    for (let d = 0; d < this.size; d++) {
      const r = this.ageRanges[d] || [];
      let ok = r.length === 0;
      for (let i = 0; i + 1 < r.length && !ok; i += 2) ok = age >= r[i] && age <= r[i + 1];
      if (ok) b.add(d);
    }
    return b;
  }

  facet(key) { return this.facets.find((f) => f.key === key); }
}

/** The first index in the sorted list whose entry is >= word. */
export function lowerBound(list, word) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function digitsIn(word) {
  let n = 0;
  for (const ch of word) if (ch >= '0' && ch <= '9') n++;
  return n;
}

async function fetchOK(url) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

/** Fetches the entry file only: the directory loads the rest as needed. */
export async function openIndex(facetsURL, termsURL) {
  const entry = await fetchOK(termsURL).then((r) => r.json());
  return new SearchIndex(entry, termsURL, facetsURL);
}

/**
 * Fetches the entry and the facets part (what the map needs), and every
 * term too unless lazyText is set, in which case loadText() fetches them.
 */
export async function loadIndex(facetsURL, termsURL, lazyText = false) {
  const ix = await openIndex(facetsURL, termsURL);
  await Promise.all([ix.loadFacets(), lazyText ? null : ix.loadText()]);
  return ix;
}
