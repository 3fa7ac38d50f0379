// State: the query string is the whole state of the directory, so that a
// shared or reloaded address shows the same view.

/** The URL parameters, in the order they are written. */
export const FACET_KEYS = ['pathway', 'artform', 'district', 'audience', 'referral', 'status', 'cost', 'format', 'access', 'day', 'time'];
export const SORTS = ['relevance', 'name', 'reviewed', 'distance'];

/**
 * @typedef {{q: string, filters: Map<string, Set<string>>, age: string, near: string, sort: string}} State
 */

/** @returns {State} */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const filters = new Map();
  for (const key of FACET_KEYS) {
    const vals = p.getAll(key).filter(Boolean);
    if (vals.length) filters.set(key, new Set(vals));
  }
  const sort = SORTS.includes(p.get('sort') || '') ? p.get('sort') : '';
  return { q: p.get('q') || '', filters, age: ageOf(p.get('age')), near: p.get('near') || '', sort };
}

/** A person's age as written in the address: whole years, 0 to 120, else "". */
export function ageOf(s) {
  const t = (s || '').trim();
  return /^\d{1,3}$/.test(t) && Number(t) <= 120 ? String(Number(t)) : '';
}

/** Writes the state as a query string ("" when it is the default view). */
export function formatState(state) {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q);
  for (const key of FACET_KEYS) for (const v of [...(state.filters.get(key) || [])].sort()) p.append(key, v);
  if (state.age) p.set('age', state.age);
  if (state.near) p.set('near', state.near);
  if (state.sort) p.set('sort', state.sort);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The sort in force: the chosen one, else distance, relevance or name. */
export function effectiveSort(state, hasOrigin) {
  if (state.sort === 'distance' && !hasOrigin) return state.q ? 'relevance' : 'name';
  if (state.sort) return state.sort === 'relevance' && !state.q.trim() ? 'name' : state.sort;
  if (hasOrigin) return 'distance';
  return state.q.trim() ? 'relevance' : 'name';
}
