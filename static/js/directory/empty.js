// Empty: when nothing matches, says which one filter to drop to see
// providers again, and how many it would give.

import { applyFacets } from './facets.js';

/**
 * @param {import('./index.js').SearchIndex} index
 * @param {import('./bitset.js').Bitset|null} base documents matching the words
 * @param {import('./state.js').State} state
 */
export function emptyText(index, base, state) {
  const options = [];
  const count = (b, filters, age) => applyFacets(index, b, filters, age).docs.count();
  for (const [key, values] of state.filters) {
    const rest = new Map(state.filters);
    rest.delete(key);
    const n = count(base, rest, state.age);
    const f = index.facets.find((x) => x.key === key);
    const labels = f ? f.values.filter((v) => values.has(v.id)).map((v) => v.label) : [...values];
    if (n > 0) options.push(`${f ? f.label.toLowerCase() : key} (${labels.join(', ')}): ${n} would match`);
  }
  if (state.age) {
    const n = count(base, state.filters, '');
    if (n > 0) options.push(`age ${state.age}: ${n} would match`);
  }
  if (state.q.trim()) {
    const n = count(null, state.filters, state.age);
    if (n > 0) options.push(`the words "${state.q.trim()}": ${n} would match`);
  }
  if (options.length === 0) return 'No providers match. Clear the filters to see them all.';
  return `No providers match. Drop one filter to see some: ${options.join('; ')}.`;
}
