// Postcode: finds a postcode typed into a search box in the site's own
// postcode files (/data/postcodes/, written by the build), so that the
// postcode is never sent anywhere: the browser fetches the small file of
// its outward code ("GL14") and looks the rest up in it.

const FULL = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b/;
const OUTWARD = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)\b/g;

/**
 * @typedef {{code: string, lon: number, lat: number, district: string}} Place
 * @typedef {{place: Place|null, unknown: string, words: string, typed?: string,
 *   outward?: string, inward?: string, outwardKnown?: boolean}} Found
 * place is set when the text holds a known postcode; unknown holds the
 * postcode the text names that is not known (typed: as it was typed;
 * outward and inward: its halves; outwardKnown: whether the site knows
 * the first half); words is the text without a known postcode, and the
 * whole text with an unknown one (a venue's address may still hold it).
 */

export class Postcodes {
  /** @param {string} url the index, /data/postcodes/index.json */
  constructor(url) {
    this.url = url;
    this.dir = url.slice(0, url.lastIndexOf('/') + 1);
    this.shards = new Map();
    this.loading = null;
  }

  /** The index of outward codes, fetched once. */
  index() {
    this.loading ??= getJSON(this.url).then((raw) => ({
      districts: raw.districts.map(([, label]) => label),
      outward: new Map(raw.outward.map(([code, lon, lat, d]) => [code, { lon, lat, d }])),
    }));
    return this.loading;
  }

  /** The postcodes of one outward code, by inward code, fetched once. */
  shard(outward) {
    let s = this.shards.get(outward);
    if (!s) {
      s = getJSON(`${this.dir}${encodeURIComponent(outward)}.json`).then((rows) => new Map(rows.map(([inward, lon, lat, d]) => [inward, { lon, lat, d }])));
      this.shards.set(outward, s);
    }
    return s;
  }

  /**
   * Looks for a postcode in text: a full one, spaced or not ("GL14 2AB",
   * "gl142ab"), or an outward code ("GL14") that the site knows.
   * @param {string} text
   * @returns {Promise<Found|null>} null when text names no postcode
   */
  async find(text) {
    const upper = text.toUpperCase();
    if (!/[A-Z][0-9]/.test(upper)) return null; // plain words: nothing to fetch
    const ix = await this.index();
    const full = FULL.exec(upper);
    if (full) {
      const words = (text.slice(0, full.index) + ' ' + text.slice(full.index + full[0].length)).trim();
      const code = `${full[1]} ${full[2]}`;
      const o = ix.outward.get(full[1]);
      const p = o ? (await this.shard(full[1])).get(full[2]) : undefined;
      const typed = text.slice(full.index, full.index + full[0].length);
      if (!p) return { place: null, unknown: code, words: text, outwardKnown: !!o, outward: full[1], inward: full[2], typed };
      return { place: { code, lon: p.lon, lat: p.lat, district: ix.districts[p.d] ?? '' }, unknown: '', words };
    }
    for (const m of upper.matchAll(OUTWARD)) {
      const o = ix.outward.get(m[1]);
      if (!o) continue;
      const words = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).trim();
      return { place: { code: m[1], lon: o.lon, lat: o.lat, district: ix.districts[o.d] ?? '' }, unknown: '', words };
    }
    return null;
  }
}

/** What a lookup found, in words for the result count and screen readers. */
export function placeText(found, region) {
  if (found.place) {
    const p = found.place;
    return `nearest first to ${p.code}${p.district ? `, in ${p.district}` : ''}`;
  }
  if (found.outwardKnown) return `no postcode ${found.unknown} is known in ${region}: check it, or type its first half (${found.outward})`;
  return `${found.unknown} is not a postcode in ${region}, which this map covers`;
}

/** A distance in miles and kilometres: "2.3 miles (3.7 km)". */
export function distanceText(km) {
  const f = (v) => (v < 10 ? v.toFixed(1) : String(Math.round(v)));
  const miles = f(km / 1.609344);
  return `${miles} ${miles === '1.0' ? 'mile' : 'miles'} (${f(km)} km)`;
}

async function getJSON(url) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}
