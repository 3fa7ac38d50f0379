// Empty: when nothing matches, offers ways on: each filter, the age or the
// words to drop, with how many providers each would give, as links to
// that view; the page adds the browse pages beside them.

import { applyFacets } from './facets.js';
import { runQuery } from './query.js';

/**
 * @typedef {{label: string, n: number, state: import('./state.js').State}} Way
 */

/**
 * The views one step away from state that give providers, most first.
 * @param {import('./index.js').SearchIndex} index
 * @param {import('./bitset.js').Bitset|null} base documents matching the words
 * @param {import('./state.js').State} state
 * @param {string} words the words searched for (the query without a postcode)
 * @param {import('../postcode.js').Found|null} unknown a postcode in the words
 *   that the site does not know: dropped whole, never half of it (half of
 *   a postcode is no word to search for), or by its second half when the
 *   site knows its first, which then sorts nearest first to that
 * @returns {Way[]}
 */
export function waysOn(index, base, state, words, unknown = null) {
  const ways = [];
  const count = (b, filters, age) => applyFacets(index, b, filters, age).docs.count();
  for (const [key, values] of state.filters) {
    const rest = new Map(state.filters);
    rest.delete(key);
    const f = index.facets.find((x) => x.key === key);
    const labels = f ? f.values.filter((v) => values.has(v.id)).map((v) => v.label) : [...values];
    ways.push({ label: `${f ? f.label.toLowerCase() : key} (${labels.join(', ')})`, n: count(base, rest, state.age), state: { ...state, filters: rest } });
  }
  if (state.age) ways.push({ label: `age ${state.age}`, n: count(base, state.filters, ''), state: { ...state, age: '' } });
  let list = words.trim().split(/\s+/).filter(Boolean);
  if (unknown?.typed && words.includes(unknown.typed)) {
    const rest = words.replace(unknown.typed, ' ').trim();
    if (unknown.outwardKnown) {
      const n = count(rest ? runQuery(index, rest).docs : null, state.filters, state.age);
      ways.push({ label: `the second half of the postcode, "${unknown.inward}"`, n, state: { ...state, q: state.q.replace(unknown.typed, unknown.outward) } });
    }
    list = [unknown.typed, ...rest.split(/\s+/).filter(Boolean)];
  }
  if (list.length > 1) {
    for (const w of list) {
      const q = state.q.replace(w, '').replace(/\s+/g, ' ').trim();
      const n = count(runQuery(index, list.filter((x) => x !== w).join(' ')).docs, state.filters, state.age);
      ways.push({ label: w === unknown?.typed ? `the postcode "${w}"` : `the word "${w}"`, n, state: { ...state, q } });
    }
  }
  if (list.length > 0) {
    const q = state.q.replace(words.trim(), '').replace(/\s+/g, ' ').trim();
    ways.push({ label: `the words "${words.trim()}"`, n: count(null, state.filters, state.age), state: { ...state, q } });
  }
  return ways.filter((w) => w.n > 0).sort((a, b) => b.n - a.n);
}

/** The result count when nothing matches, naming the ways on. */
export function emptyText(ways) {
  if (ways.length === 0) return 'No providers match. Clear the filters to see them all, or browse the lists below.';
  return `No providers match. Drop one filter to see some: ${ways.map((w) => `${w.label}: ${w.n} would match`).join('; ')}.`;
}
