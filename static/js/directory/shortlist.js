// Shortlist: providers a commissioner ticks, in the order they choose,
// kept in this browser only (localStorage, no cookies), shareable as
// ?shortlist=a,b, printable and downloadable as CSV.

const KEY = 'artsmap-shortlist';

/** The most providers a shortlist or a shared address holds. */
export const MAX = 200;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reports whether s can be a provider's slug (and so a safe path segment). */
export function isSlug(s) { return typeof s === 'string' && s.length <= 100 && SLUG.test(s); }

/**
 * Splits the value of ?shortlist= into ids, in order, once each, trimmed
 * and lower-cased; ids that are not slugs are kept so they can be reported.
 * @param {string} text
 * @returns {string[]}
 */
export function parseSlugs(text) {
  const out = [];
  for (const part of String(text).split(',')) {
    const s = part.trim().toLowerCase();
    if (s && !out.includes(s) && out.length < MAX) out.push(s);
  }
  return out;
}

export class Shortlist {
  constructor(storage) {
    this.storage = storage;
    /** @type {string[]} */
    this.slugs = [];
    try {
      const saved = JSON.parse(storage?.getItem(KEY) || '[]');
      if (Array.isArray(saved)) for (const s of saved) if (isSlug(s) && !this.slugs.includes(s)) this.slugs.push(s);
    } catch {
      // A damaged or blocked store starts an empty shortlist.
    }
  }

  has(slug) { return this.slugs.includes(slug); }

  /** The chosen providers' slugs, in the chosen order. */
  list() { return [...this.slugs]; }

  toggle(slug, on) {
    const i = this.slugs.indexOf(slug);
    if (on && i < 0 && isSlug(slug) && this.slugs.length < MAX) this.slugs.push(slug);
    else if (!on && i >= 0) this.slugs.splice(i, 1);
    this.save();
  }

  /** Moves slug by one place (by = -1 up, 1 down); false at either end. */
  move(slug, by) {
    const i = this.slugs.indexOf(slug);
    const j = i + by;
    if (i < 0 || j < 0 || j >= this.slugs.length) return false;
    [this.slugs[i], this.slugs[j]] = [this.slugs[j], this.slugs[i]];
    this.save();
    return true;
  }

  clear() {
    this.slugs = [];
    this.save();
  }

  save() {
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.slugs));
    } catch {
      // Storage may be full or disabled; the shortlist still works for this page.
    }
  }
}

/** Quotes a CSV field (RFC 4180), defusing spreadsheet formulas. */
export function csvField(value) {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @param {string[][]} rows */
export function toCSV(rows) {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
