// The shortlist as CSV: for each chosen provider, in the chosen order, its
// profile's address, published contact, when sessions run and venues with
// their access, read from the build's shortlist data file.

import { toCSV } from './shortlist.js';

const DATA = '/providers/shortlist.json';

/**
 * @param {Document} doc
 * @param {{slug: string, name: string, url: string, li: HTMLElement}[]} chosen
 */
export async function downloadCSV(doc, chosen) {
  const res = await fetch(DATA, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${DATA}: HTTP ${res.status}`);
  const data = (await res.json()).providers ?? {};
  const rows = [['Name', 'Profile', 'Type', 'Status', 'Conditions', 'Districts', 'Referral',
    'Phone', 'Email', 'Website', 'When', 'Venues and access']];
  for (const c of chosen) {
    const p = data[c.slug] ?? {};
    rows.push([c.name, p.url ?? new URL(c.url, location.href).href, c.li.dataset.kind ?? '', c.li.dataset.status ?? '',
      fact(c.li, 'Conditions'), fact(c.li, 'Districts'), fact(c.li, 'Referral'),
      p.phone ?? '', p.email ?? '', p.website ?? '', (p.when ?? []).join('; '), (p.venues ?? []).join('; ')]);
  }
  const url = URL.createObjectURL(new Blob([toCSV(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = 'shortlist.csv';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a card's fact by its label. */
function fact(li, label) {
  for (const dt of li.querySelectorAll('dt')) {
    if (dt.textContent?.trim() === label) return dt.nextElementSibling?.textContent?.trim() ?? '';
  }
  return '';
}
