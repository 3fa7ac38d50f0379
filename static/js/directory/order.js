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
 * @param {import('./index.js').SearchIndex} index
 * @param {import('./bitset.js').Bitset} docs matching documents
 * @param {{sort: string, scores: Float32Array|null, origin: {lon: number, lat: number}|null}} how
 * @returns {{order: number[], distances: Map<number, number>|null}}
 */
export function orderDocs(index, docs, how) {
  const order = [];
  for (let d = 0; d < index.size; d++) if (docs.has(d)) order.push(d);
  let distances = null;
  if (how.origin) {
    distances = new Map(order.map((d) => [d, nearest(index.points[d], how.origin.lon, how.origin.lat)]));
  }
  const sort = how.sort;
  if (sort === 'distance' && distances) {
    order.sort((a, b) => distances.get(a) - distances.get(b) || a - b);
  } else if (sort === 'reviewed') {
    order.sort((a, b) => index.reviewed[b] - index.reviewed[a] || a - b);
  } else if (sort === 'relevance' && how.scores) {
    const s = how.scores;
    order.sort((a, b) => s[b] - s[a] || a - b);
  }
  return { order, distances };
}
