// Order: puts matching documents in the order the visitor chose.

const EARTH_KM = 6371;

/** Great-circle distance in kilometres between two lon/lat points. */
export function distanceKm(lon1, lat1, lon2, lat2) {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The distance from a point to a document's nearest venue, or Infinity. */
export function nearest(points, lon, lat) {
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) best = Math.min(best, distanceKm(points[i], points[i + 1], lon, lat));
  return best;
}

/**
 * Puts the matching documents in order, or the first `limit` of them: the
 * rest are counted, not sorted, so a keystroke on a large site sorts only
 * what it shows (the documents that tie with the last shown included, so
 * the order is exactly that of sorting them all).
 * @param {import('./index.js').SearchIndex} index
 * @param {import('./bitset.js').Bitset} docs matching documents
 * @param {{sort: string, scores: Float32Array|null, origin: {lon: number, lat: number}|null, limit?: number}} how
 * @returns {{order: number[], total: number, distances: Map<number, number>|null}}
 */
export function orderDocs(index, docs, how) {
  let order = docs.members();
  const total = order.length;
  let distances = null;
  if (how.origin) {
    distances = new Map(order.map((d) => [d, nearest(index.points[d], how.origin.lon, how.origin.lat)]));
  }
  const limit = how.limit ?? Infinity;
  const sort = how.sort;
  if (sort === 'distance' && distances) {
    order = firstOf(order, limit, (d) => distances.get(d), 1);
  } else if (sort === 'reviewed') {
    order = firstOf(order, limit, (d) => index.reviewed[d], -1);
  } else if (sort === 'relevance' && how.scores) {
    const s = how.scores;
    order = firstOf(order, limit, (d) => s[d], -1);
  } else if (order.length > limit) {
    order.length = limit;
  }
  return { order, total, distances };
}

/**
 * The first limit documents by key (dir 1: smallest first; -1: largest
 * first), ties in document order. Of many documents, only those whose key
 * is as good as the limit-th best key are sorted (found without sorting).
 */
function firstOf(order, limit, key, dir) {
  let keep = order;
  if (order.length > 2 * limit) {
    const keys = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) keys[i] = key(order[i]);
    const cut = nth(keys.slice(), dir > 0 ? limit - 1 : keys.length - limit);
    keep = [];
    for (let i = 0; i < order.length; i++) if (dir > 0 ? keys[i] <= cut : keys[i] >= cut) keep.push(order[i]);
  }
  keep.sort((a, b) => dir * (key(a) - key(b)) || a - b);
  return keep.length > limit ? keep.slice(0, limit) : keep;
}

/**
 * The k-th smallest value of a (from 0), as a.sort()[k] would give it (NaN
 * last), found in linear time on average; a is reordered.
 * @param {Float64Array} a
 * @param {number} k
 */
export function nth(a, k) {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i])) a[n++] = a[i];
  if (k >= n) return NaN;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
