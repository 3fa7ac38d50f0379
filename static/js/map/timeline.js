// Timeline: which programmes were running in a given year.

/** The year a date string ("2018-09-01") falls in, or null. */
export function yearOf(date) {
  return date ? Number(date.slice(0, 4)) : null;
}

/**
 * Whether a programme ran in year (null = any year). A programme with no
 * start date counts from the provider's "since" year, or always.
 */
export function runsIn(programme, since, year) {
  if (year === null) return programme.status !== 'ended';
  const start = yearOf(programme.started) ?? (since || null);
  const end = yearOf(programme.ended);
  return (start === null || start <= year) && (end === null || end >= year);
}

/** The years the time control offers: from the earliest start to this year. */
export function yearRange(features, now) {
  let first = now;
  for (const f of features) {
    const p = f.properties;
    if (p.since) first = Math.min(first, p.since);
    for (const pg of p.programme_details) {
      const y = yearOf(pg.started);
      if (y) first = Math.min(first, y);
    }
  }
  const years = [];
  for (let y = first; y <= now; y++) years.push(y);
  return years;
}

/** Weight of a programme in the energy layer, by status. */
export const WEIGHTS = { established: 1, emerging: 0.7, pilot: 0.5, ended: 0.2 };

/**
 * How much activity a venue carries in year: the sum of its programmes'
 * weights, or half the provider's presence when no programme is listed.
 */
export function energy(feature, year) {
  const p = feature.properties;
  if (p.programme_details.length === 0) {
    return year === null || !p.since || p.since <= year ? 0.5 : 0;
  }
  let w = 0;
  for (const pg of p.programme_details) if (runsIn(pg, p.since, year)) w += WEIGHTS[pg.status] ?? 0.5;
  return w;
}
