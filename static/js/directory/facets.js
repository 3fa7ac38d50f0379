// Facets: combines the query with the ticked filters (values of one facet
// are alternatives, facets narrow each other) and counts, for every value,
// how many documents it would give. A day and a time ticked together ask
// for a session on that day at that time (the hidden "session" facet); an
// age keeps the providers whose programmes take people of that age.

import { Bitset } from './bitset.js';

/**
 * @param {import('./index.js').SearchIndex} index
 * @param {Bitset|null} base documents matching the query, or null for all
 * @param {Map<string, Set<string>>} filters facet key -> ticked value ids
 * @param {string} [age] a person's age in whole years, or ""
 * @returns {{docs: Bitset, counts: Map<string, Map<string, number>>}}
 */
export function applyFacets(index, base, filters, age = '') {
  const all = base ? base.copy() : Bitset.full(index.size);
  if (age !== '') all.and(index.ages(Number(age)));
  const masks = new Map();
  for (const f of index.facets) {
    const ticked = filters.get(f.key);
    if (f.hidden || !ticked || ticked.size === 0) continue;
    masks.set(f.key, valuesMask(index, f, ticked));
  }
  const both = masks.has('day') && masks.has('time');
  const docs = all.copy();
  for (const [key, m] of masks) if (!(both && (key === 'day' || key === 'time'))) docs.and(m);
  if (both) docs.and(sessions(index, filters.get('day'), filters.get('time')));
  const combo = both ? sessions(index, filters.get('day'), filters.get('time')) : null;
  const counts = new Map();
  for (const f of index.facets) {
    if (f.hidden) continue;
    const others = all.copy();
    for (const [key, m] of masks) if (key !== f.key && !(both && (key === 'day' || key === 'time'))) others.and(m);
    const pair = { day: 'time', time: 'day' }[f.key];
    if (combo && !pair) others.and(combo);
    const paired = (v) => sessions(index, f.key === 'day' ? new Set([v.id]) : filters.get('day'),
      f.key === 'time' ? new Set([v.id]) : filters.get('time'));
    counts.set(f.key, new Map(f.values.map((v) => [v.id, others.countAnd(pair && masks.has(pair) ? paired(v) : v.docs)])));
  }
  return { docs, counts };
}

function valuesMask(index, f, ticked) {
  const mask = new Bitset(index.size);
  for (const v of f.values) if (ticked.has(v.id)) mask.or(v.docs);
  return mask;
}

/** The documents with a session on one of the days at one of the times. */
function sessions(index, days, times) {
  const f = index.facets.find((x) => x.key === 'session');
  const mask = new Bitset(index.size);
  if (!f) return mask;
  for (const v of f.values) {
    const [d, t] = v.id.split('-');
    if (days.has(d) && times.has(t)) mask.or(v.docs);
  }
  return mask;
}
