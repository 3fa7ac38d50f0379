// Clusters whose bubbles never touch a marker or another bubble, so that
// every target on the map is at least 24 by 24 CSS pixels and none covers
// another (WCAG 2.5.8, target size).
//
// leaflet.markercluster (1.5.3, pinned in package.json) decides at each
// zoom whether a marker joins a cluster by its distance from the cluster's
// anchor: the position of the first marker the cluster was made from
// (_cLatLng). A marker that joins nothing stays alone, and the anchors and
// lone markers of a zoom are then all more than maxClusterRadius pixels
// apart. The library draws a bubble at the mean position of its markers,
// though, which can fall right beside a lone marker. Drawing it at its
// anchor instead keeps every icon more than maxClusterRadius from every
// other: with the radius below, no two icons' boxes can overlap.

/** Width and height of a venue marker, CSS pixels (site.css agrees). */
export const MARKER_SIZE = 24;

/** Width and height of a cluster bubble, CSS pixels (site.css agrees). */
export const CLUSTER_SIZE = 32;

/**
 * The clustering radius: two boxes of side s cannot overlap when their
 * centres are more than s * sqrt(2) apart, whichever the direction; two
 * pixels more cover Leaflet rounding each icon's position.
 */
export const MIN_RADIUS = Math.ceil(Math.SQRT2 * Math.max(MARKER_SIZE, CLUSTER_SIZE)) + 2;

const anchored = new WeakMap();

/**
 * The cluster class Base, drawing each bubble at its anchor. Its weighted
 * centre (_wLatLng), which parent clusters add up, is left as it was.
 * @param {any} L
 * @param {any} Base L.MarkerCluster or L.MarkerClusterNonAnimated
 */
function anchoredCluster(L, Base) {
  if (!anchored.has(Base)) {
    anchored.set(Base, Base.extend({
      _recalculateBounds() {
        Base.prototype._recalculateBounds.call(this);
        if (this._cLatLng) this._latlng = L.latLng(this._cLatLng.lat, this._cLatLng.lng);
      },
    }));
  }
  return anchored.get(Base);
}

/** Radius and length of the status ring around a cluster's number. */
const RING_R = 13;
const RING_C = 2 * Math.PI * RING_R;

/**
 * A bubble for a cluster: its number of venues inside a ring divided by
 * status, read as "N venues: 5 established, 2 emerging".
 * @param {any} L
 * @param {any} cluster
 * @param {{id: string, label: string}[]} statuses the map data's, in order
 */
function clusterIcon(L, cluster, statuses) {
  const counts = tally(cluster);
  return bubbleIcon(L, cluster.getChildCount(), statuses.map((s) => [s, counts.get(s) || 0]).filter(([, k]) => k > 0));
}

/** Each cluster's tally, with the number of venues it was made for. */
const tallies = new WeakMap();

/**
 * The venues of a cluster by status: its own markers and its child
 * clusters' tallies, each kept while its number of venues is unchanged
 * (a drawing with other filters makes new clusters). A cluster of 100,000
 * venues is tallied from its few children, rather than by walking every
 * marker (getAllChildMarkers) for each new bubble.
 * The fields read are those of leaflet.markercluster 1.5.3.
 * @param {any} cluster
 * @returns {Map<any, number>}
 */
function tally(cluster) {
  const kept = tallies.get(cluster);
  if (kept && kept.n === cluster._childCount) return kept.counts;
  const counts = new Map();
  for (const m of cluster._markers) counts.set(m.status, (counts.get(m.status) || 0) + 1);
  for (const child of cluster._childClusters) {
    for (const [status, k] of tally(child)) counts.set(status, (counts.get(status) || 0) + k);
  }
  tallies.set(cluster, { n: cluster._childCount, counts });
  return counts;
}

/**
 * A cluster's bubble from its number of venues and their count by status,
 * in the order of the statuses, for the clusters of Leaflet.markercluster and those
 * made at build time (first.js) alike.
 * @param {any} L
 * @param {number} n
 * @param {[{id: string, label: string}, number][]} split
 */
export function bubbleIcon(L, n, split) {
  let offset = 0;
  const arcs = split.map(([status, k]) => {
    const len = (RING_C * k) / n;
    const arc = `<circle class="ring-${status.id}" r="${RING_R}" cx="16" cy="16" stroke-dasharray="${len.toFixed(2)} ${(RING_C - len).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}"/>`;
    offset += len;
    return arc;
  }).join('');
  const words = split.map(([status, k]) => `${k} ${status.label.toLowerCase()}`).join(', ');
  return L.divIcon({
    className: 'marker-cluster venue-cluster',
    html: `<div><svg class="cluster-ring" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><g transform="rotate(-90 16 16)">${arcs}</g></svg>` +
      `<span aria-hidden="true">${n}</span><span class="visually-hidden">${n} venues: ${words}</span></div>`,
    iconSize: [CLUSTER_SIZE, CLUSTER_SIZE],
  });
}

/**
 * Where the markers of a cluster at one place fan out to (spiderfy), as
 * layer points around its centre: a ring, or a spiral for nine or more,
 * every marker at least MIN_RADIUS from the bubble and its neighbours.
 * @param {any} L
 * @param {number} count
 * @param {{x: number, y: number}} centre
 */
export function fanOut(L, count, centre) {
  const at = (/** @type {number} */ r, /** @type {number} */ a) => L.point(centre.x + r * Math.cos(a), centre.y + r * Math.sin(a)).round();
  const points = [];
  if (count < 9) {
    const r = count < 2 ? MIN_RADIUS : Math.max(MIN_RADIUS, MIN_RADIUS / (2 * Math.sin(Math.PI / count)));
    for (let i = 0; i < count; i++) points.push(at(r, (2 * Math.PI * i) / count));
    return points;
  }
  // An Archimedean spiral: turns MIN_RADIUS apart, steps of MIN_RADIUS along it.
  for (let i = 0, a = 0; i < count; i++) {
    const r = MIN_RADIUS * (1 + a / (2 * Math.PI));
    points.push(at(r, a));
    a += MIN_RADIUS / r;
  }
  return points;
}

/**
 * A marker cluster group with anchored bubbles, a radius of at least
 * MIN_RADIUS and markers fanned out far enough apart when they share a place.
 * @param {any} L
 * @param {object} options leaflet.markercluster options
 * @param {{id: string, label: string}[]} statuses the map data's, most established first
 */
export function clusterGroup(L, options, statuses) {
  const radius = Math.max(MIN_RADIUS, /** @type {any} */ (options).maxClusterRadius || 0);
  const group = L.markerClusterGroup({
    iconCreateFunction: (/** @type {any} */ c) => clusterIcon(L, c, statuses),
    spiderfyShapePositions: (/** @type {number} */ n, /** @type {any} */ c) => fanOut(L, n, c),
    ...options,
    maxClusterRadius: radius,
  });
  group._markerCluster = anchoredCluster(L, group._markerCluster);
  return group;
}
