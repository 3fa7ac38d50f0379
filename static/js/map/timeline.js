// Timeline: which programmes were running in a given year, and how much
// activity a venue carries. A span is [status, startYear, endYear] with 0
// for an unknown year; a status is a number, its place in the statuses of
// the map's data ({id, label, weight, ended}, most established first),
// which the site writes from its registry.

/**
 * Whether a programme ran in year (null = any year, meaning "not ended").
 * A programme with no start year counts from the provider's "since" year.
 */
export function runsIn(span, since, year, statuses) {
  const [status, start, end] = span;
  if (year === null) return !statuses[status]?.ended;
  const from = start || since || 0;
  return (!from || from <= year) && (!end || end >= year);
}

/** The years the time control offers: from the earliest start to now. */
export function yearRange(venues, providers, now) {
  let first = now;
  for (const v of venues) {
    const since = providers[v.doc][1];
    if (since) first = Math.min(first, since);
    for (const [, start] of v.spans) if (start) first = Math.min(first, start);
  }
  const years = [];
  for (let y = first; y <= now; y++) years.push(y);
  return years;
}

/**
 * How much activity a venue carries in year: the sum of its programmes'
 * weights, or half a provider's presence when no programme is listed.
 */
export function energy(venue, since, year, statuses) {
  if (venue.spans.length === 0) return year === null || !since || since <= year ? 0.5 : 0;
  let w = 0;
  for (const span of venue.spans) if (runsIn(span, since, year, statuses)) w += statuses[span[0]]?.weight ?? 0.5;
  return w;
}

/**
 * The status a venue shows ({id, label, ...}): its most established
 * programme's, else its provider's.
 */
export function venueStatus(venue, providerStatus, statuses) {
  if (venue.spans.length === 0) return statuses[providerStatus] ?? statuses[0];
  return statuses[Math.min(...venue.spans.map((s) => s[0]))];
}

/** The name the town table gives venues without a town. */
export const OTHER_PLACES = 'Other places';

/**
 * Venues by town and status, as the town table shows them (site/mapview.go
 * towns): A to Z by code point, "Other places" last.
 * @param {{town: string, status: string}[]} venues
 * @returns {{name: string, venues: number, byStatus: Record<string, number>}[]}
 */
export function townCounts(venues) {
  /** @type {Map<string, {name: string, venues: number, byStatus: Record<string, number>}>} */
  const byName = new Map();
  for (const v of venues) {
    const name = v.town || OTHER_PLACES;
    let t = byName.get(name);
    if (!t) byName.set(name, t = { name, venues: 0, byStatus: {} });
    t.venues++;
    t.byStatus[v.status] = (t.byStatus[v.status] || 0) + 1;
  }
  return [...byName.values()].sort((a, b) => {
    if ((a.name === OTHER_PLACES) !== (b.name === OTHER_PLACES)) return a.name === OTHER_PLACES ? 1 : -1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}
