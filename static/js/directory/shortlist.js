// Shortlist: providers a commissioner ticks, kept in this browser only,
// printable and downloadable as CSV.

const KEY = 'artsmap-shortlist';

export class Shortlist {
  constructor(storage) {
    this.storage = storage;
    this.slugs = new Set();
    try {
      const saved = JSON.parse(storage?.getItem(KEY) || '[]');
      if (Array.isArray(saved)) for (const s of saved) if (typeof s === 'string') this.slugs.add(s);
    } catch {
      // A damaged or blocked store starts an empty shortlist.
    }
  }

  has(slug) { return this.slugs.has(slug); }

  toggle(slug, on) {
    if (on) this.slugs.add(slug);
    else this.slugs.delete(slug);
    try {
      this.storage?.setItem(KEY, JSON.stringify([...this.slugs]));
    } catch {
      // Storage may be full or disabled; the shortlist still works for this page.
    }
  }

  clear() {
    for (const s of [...this.slugs]) this.toggle(s, false);
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
