// Query: scores every document against a query. A document must match
// every word of the query; a match counts for the field it is in (name
// above tags above body text), how well it matches, and how rare the term is.

import { Bitset } from './bitset.js';
import { matchTerms } from './match.js';
import { tokens } from './tokens.js';

/**
 * @typedef {{docs: Bitset|null, scores: Float32Array|null, terms: Set<string>, words: string[]}} Result
 * docs is null when the query is empty (everything matches).
 */

/**
 * @param {import('./index.js').SearchIndex} index
 * @param {string} q
 * @returns {Result}
 */
export function runQuery(index, q) {
  const words = [...new Set(tokens(q))];
  const terms = new Set();
  if (words.length === 0 || !index.hasText(words)) return { docs: null, scores: null, terms, words };
  const n = index.size;
  const total = new Float32Array(n);
  let docs = null;
  for (const word of words) {
    const wordScore = new Float32Array(n);
    const hit = new Bitset(n);
    for (const { term, quality } of matchTerms(index.following(word), index.candidates(word), word)) {
      terms.add(term);
      const p = index.postings(term);
      const idf = Math.log(1 + n / p.docs.length);
      for (let k = 0; k < p.docs.length; k++) {
        const d = p.docs[k];
        const s = p.weights[k] * quality * idf;
        if (s > wordScore[d]) wordScore[d] = s;
        hit.add(d);
      }
    }
    for (let d = 0; d < n; d++) total[d] += wordScore[d];
    docs = docs ? docs.and(hit) : hit;
  }
  return { docs, scores: total, terms, words };
}
