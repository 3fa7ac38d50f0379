// State: the query string is the whole state of the directory, so that a
// shared or reloaded address shows the same view.

export const SORTS = ['relevance', 'name', 'reviewed', 'distance'];

/**
 * @typedef {{keys: string[], q: string, filters: Map<string, Set<string>>, age: string, near: string, sort: string}} State
 */

/**
 * The filters' URL parameters, in the order they are written: the keys of
 * the index's facets that the page shows, as the site lists them (the
 * entry file lists them, before the facets part is loaded).
 * @param {{filters?: string[], facets: {key: string, hidden: boolean}[]}} index
 */
export function filterKeys(index) {
  return index.filters ?? index.facets.filter((f) => !f.hidden).map((f) => f.key);
}

/**
 * @param {string} search
 * @param {string[]} keys the filters' parameters (filterKeys)
 * @returns {State}
 */
export function parseState(search, keys) {
  const p = new URLSearchParams(search);
  const filters = new Map();
  for (const key of keys) {
    const vals = p.getAll(key).filter(Boolean);
    if (vals.length) filters.set(key, new Set(vals));
  }
  const sort = SORTS.includes(p.get('sort') || '') ? p.get('sort') : '';
  return { keys, q: p.get('q') || '', filters, age: ageOf(p.get('age')), near: p.get('near') || '', sort };
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
  for (const key of state.keys) for (const v of [...(state.filters.get(key) || [])].sort()) p.append(key, v);
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
