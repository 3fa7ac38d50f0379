// Index: loads the index the Go build wrote (internal/search) and decodes
// it into term postings, facet bitsets, review dates and venue points.

import { Bitset } from './bitset.js';

/**
 * @typedef {{id: string, label: string, docs: Bitset}} FacetValue
 * @typedef {{key: string, label: string, values: FacetValue[]}} Facet
 */

export class SearchIndex {
  /**
   * @param {any} raw the parsed facets part
   * @param {string} termsURL where the words part is, loaded when first needed
   */
  constructor(raw, termsURL) {
    this.size = raw.slugs.length;
    this.slugs = raw.slugs;
    this.reviewed = [];
    this.points = [];
    this.places = [];
    this.termsURL = termsURL;
    this.terms = null;
    this.rawPostings = null;
    this.decoded = new Map();
    /** @type {Facet[]} */
    this.facets = raw.facets.map((f) => ({
      key: f.key,
      label: f.label,
      hidden: !!f.hidden,
      values: f.values.map((v) => ({ id: v.id, label: v.label, docs: this.bits(v.docs) })),
    }));
    this.bySlug = new Map(this.slugs.map((s, i) => [s, i]));
    /** per doc: min, max, min, max, ...; empty: all ages */
    this.ageRanges = raw.ages || [];
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

  bits(deltas) {
    const b = new Bitset(this.size);
    let d = 0;
    for (const delta of deltas) {
      d += delta;
      b.add(d);
    }
    return b;
  }

  /**
   * The documents of term number t and the weight of each match.
   * @returns {{docs: Int32Array, weights: Uint8Array}}
   */
  postings(t) {
    let p = this.decoded.get(t);
    if (p) return p;
    const raw = this.rawPostings[t];
    const docs = new Int32Array(raw.length);
    const weights = new Uint8Array(raw.length);
    let d = 0;
    for (let i = 0; i < raw.length; i++) {
      d += Math.floor(raw[i] / 16);
      docs[i] = d;
      weights[i] = raw[i] % 16;
    }
    p = { docs, weights };
    this.decoded.set(t, p);
    return p;
  }

  facet(key) { return this.facets.find((f) => f.key === key); }

  /** Loads the words part once; later calls share the first. */
  loadText() {
    this.textLoading ??= fetchJSON(this.termsURL).then((t) => this.setText(t));
    return this.textLoading;
  }

  setText(t) {
    this.terms = t.terms;
    this.rawPostings = t.postings;
    this.reviewed = t.reviewed;
    this.points = t.points;
    this.places = t.places.map(([id, label, lon, lat]) => ({ id, label, lon, lat }));
  }
}

async function fetchJSON(url) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/**
 * Fetches the facets part of the index, and the words part too unless
 * lazyText is set, in which case loadText() fetches it when needed.
 */
export async function loadIndex(facetsURL, termsURL, lazyText = false) {
  const facets = fetchJSON(facetsURL);
  const text = lazyText ? null : fetchJSON(termsURL);
  const ix = new SearchIndex(await facets, termsURL);
  if (text) {
    ix.textLoading = text.then((t) => ix.setText(t));
    await ix.textLoading;
  }
  return ix;
}
