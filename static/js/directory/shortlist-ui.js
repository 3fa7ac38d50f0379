// Shortlist UI: a tick box on every card, and a panel to print or
// download the ticked providers.

import { Shortlist, toCSV } from './shortlist.js';

/**
 * @param {Document} doc
 * @param {import('./results.js').Results} results
 */
export function setupShortlist(doc, results) {
  const panel = doc.getElementById('shortlist');
  if (!panel) return;
  let storage = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage blocked: the shortlist lasts as long as the page.
  }
  const list = new Shortlist(storage);
  const countEl = panel.querySelector('[data-shortlist-count]');
  const update = () => {
    const n = results.cards.filter((li) => li && list.has(li.dataset.slug)).length;
    countEl.textContent = n === 1 ? '1 provider' : `${n} providers`;
    panel.querySelectorAll('button').forEach((b) => { b.disabled = n === 0; });
    for (const li of results.cards) li?.classList.toggle('shortlisted', list.has(li.dataset.slug));
  };
  for (const li of results.cards) {
    if (!li) continue;
    const name = li.querySelector('.card-title')?.textContent?.trim() ?? li.dataset.slug;
    const label = doc.createElement('label');
    label.className = 'shortlist-toggle';
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.checked = list.has(li.dataset.slug);
    box.addEventListener('change', () => {
      list.toggle(li.dataset.slug, box.checked);
      update();
    });
    const hidden = doc.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` ${name}`;
    label.append(box, ' Shortlist', hidden);
    li.querySelector('.card')?.append(label);
  }
  panel.querySelector('[data-shortlist-print]')?.addEventListener('click', () => {
    doc.body.classList.add('printing-shortlist');
    window.addEventListener('afterprint', () => doc.body.classList.remove('printing-shortlist'), { once: true });
    window.print();
  });
  panel.querySelector('[data-shortlist-csv]')?.addEventListener('click', () => download(doc, results, list));
  panel.querySelector('[data-shortlist-clear]')?.addEventListener('click', () => {
    list.clear();
    for (const box of doc.querySelectorAll('.shortlist-toggle input')) box.checked = false;
    update();
  });
  panel.hidden = false;
  update();
}

/** Reads a card's facts by their labels. */
function fact(li, label) {
  for (const dt of li.querySelectorAll('dt')) {
    if (dt.textContent?.trim() === label) return dt.nextElementSibling?.textContent?.trim() ?? '';
  }
  return '';
}

function download(doc, results, list) {
  const rows = [['Name', 'Profile', 'Type', 'Status', 'Conditions', 'Districts', 'Referral']];
  for (const li of results.cards) {
    if (!li || !list.has(li.dataset.slug)) continue;
    const a = li.querySelector('.card-title a');
    rows.push([a?.textContent?.trim() ?? '', new URL(a?.getAttribute('href') ?? '', location.href).href,
      li.dataset.kind ?? '', li.dataset.status ?? '', fact(li, 'Conditions'), fact(li, 'Districts'), fact(li, 'Referral')]);
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
