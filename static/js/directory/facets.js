// Facets: combines the query with the ticked filters (values of one facet
// are alternatives, facets narrow each other) and counts, for every value,
// how many documents it would give.

import { Bitset } from './bitset.js';

/**
 * @param {import('./index.js').SearchIndex} index
 * @param {Bitset|null} base documents matching the query, or null for all
 * @param {Map<string, Set<string>>} filters facet key -> ticked value ids
 * @returns {{docs: Bitset, counts: Map<string, Map<string, number>>}}
 */
export function applyFacets(index, base, filters) {
  const all = base ? base.copy() : Bitset.full(index.size);
  const masks = new Map();
  for (const f of index.facets) {
    const ticked = filters.get(f.key);
    if (!ticked || ticked.size === 0) continue;
    const mask = new Bitset(index.size);
    for (const v of f.values) if (ticked.has(v.id)) mask.or(v.docs);
    masks.set(f.key, mask);
  }
  const docs = all.copy();
  for (const m of masks.values()) docs.and(m);
  const counts = new Map();
  for (const f of index.facets) {
    const others = all.copy();
    for (const [key, m] of masks) if (key !== f.key) others.and(m);
    counts.set(f.key, new Map(f.values.map((v) => [v.id, others.countAnd(v.docs)])));
  }
  return { docs, counts };
}
