// Filtering the evidence library: values of one kind widen the list (any
// of them), kinds narrow it (all of them), as in the directory.

/** The URL parameters, in the order they are written. */
export const KEYS = ['pathway', 'artform', 'design', 'certainty'];

/** @returns {Map<string, Set<string>>} the filters the query string holds */
export function parseFilters(search) {
  const p = new URLSearchParams(search);
  const filters = new Map();
  for (const key of KEYS) {
    const vals = p.getAll(key).filter(Boolean);
    if (vals.length) filters.set(key, new Set(vals));
  }
  return filters;
}

/** Writes the filters as a query string ("" when there are none). */
export function formatFilters(filters) {
  const p = new URLSearchParams();
  for (const key of KEYS) for (const v of [...(filters.get(key) || [])].sort()) p.append(key, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * Whether an item (its values by key) passes every filter but the one
 * named in except.
 * @param {Map<string, string[]>} item
 * @param {Map<string, Set<string>>} filters
 */
export function matches(item, filters, except = '') {
  for (const [key, wanted] of filters) {
    if (key === except || wanted.size === 0) continue;
    if (!(item.get(key) || []).some((v) => wanted.has(v))) return false;
  }
  return true;
}

/**
 * Counts, for each value of each key, the items that would show if it were
 * ticked too: the other kinds' filters apply, its own kind's do not.
 * @param {Map<string, string[]>[]} items
 * @param {Map<string, Set<string>>} filters
 * @returns {Map<string, Map<string, number>>}
 */
export function counts(items, filters) {
  const out = new Map(KEYS.map((k) => [k, new Map()]));
  for (const item of items) {
    for (const key of KEYS) {
      if (!matches(item, filters, key)) continue;
      for (const v of item.get(key) || []) out.get(key).set(v, (out.get(key).get(v) || 0) + 1);
    }
  }
  return out;
}
