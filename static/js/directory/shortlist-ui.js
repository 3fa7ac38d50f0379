// Shortlist UI: a tick box on every card, and a panel that names the
// chosen providers in order, moves them up and down, clears them, links
// to the same shortlist (?shortlist=a,b), prints their handouts and
// downloads them as CSV.

import { Shortlist, parseSlugs, isSlug } from './shortlist.js';
import { downloadCSV } from './shortlist-csv.js';

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
  const cards = new Map(results.cards.filter(Boolean).map((li) => [li.dataset.slug, li]));
  const ui = new Panel(doc, panel, list, cards);
  for (const li of cards.values()) ui.addToggle(li);
  // Cards fetched later (a directory of several pages) get their toggle
  // then; the chosen and shared providers' cards are fetched at once.
  results.onAdd.push((added) => {
    for (const li of added) {
      cards.set(li.dataset.slug, li);
      ui.addToggle(li);
    }
    ui.update();
  });
  const shared = new URLSearchParams(location.search).get('shortlist');
  const wanted = [...list.list(), ...(shared === null ? [] : parseSlugs(shared))].filter((s) => isSlug(s) && !cards.has(s));
  results.cardsOf(wanted).catch((err) => console.warn('Some shortlisted cards could not be loaded.', err)).then(() => {
    ui.loadShared(shared);
    ui.update();
  });
  panel.querySelector('[data-shortlist-print]')?.addEventListener('click', () => {
    doc.body.classList.add('printing-shortlist');
    window.addEventListener('afterprint', () => doc.body.classList.remove('printing-shortlist'), { once: true });
    window.print();
  });
  panel.querySelector('[data-shortlist-csv]')?.addEventListener('click', () => downloadCSV(doc, ui.chosen()));
  panel.querySelector('[data-shortlist-clear]')?.addEventListener('click', () => {
    list.clear();
    ui.update();
    ui.say('Shortlist cleared.');
  });
  panel.hidden = false;
  ui.update();
}

/** The name and profile address a card shows. */
function cardInfo(li) {
  const a = li.querySelector('.card-title a');
  return { slug: li.dataset.slug, name: a?.textContent?.trim() || li.dataset.slug, url: a?.getAttribute('href') ?? '', li };
}

class Panel {
  constructor(doc, panel, list, cards) {
    this.doc = doc;
    this.panel = panel;
    this.list = list;
    this.cards = cards;
    this.items = panel.querySelector('[data-shortlist-items]');
    this.status = panel.querySelector('[data-shortlist-status]');
  }

  /** The chosen providers this page knows, in the chosen order. */
  chosen() {
    return this.list.list().filter((s) => this.cards.has(s)).map((s) => cardInfo(this.cards.get(s)));
  }

  addToggle(li) {
    const { slug, name } = cardInfo(li);
    const label = this.doc.createElement('label');
    label.className = 'shortlist-toggle';
    const box = this.doc.createElement('input');
    box.type = 'checkbox';
    box.addEventListener('change', () => {
      this.list.toggle(slug, box.checked);
      this.update();
      this.say(box.checked ? `${name} added to the shortlist.` : `${name} removed from the shortlist.`);
    });
    label.append(box, ' Shortlist', hidden(this.doc, ` ${name}`));
    const print = this.doc.createElement('a');
    print.className = 'card-handout';
    print.href = `/providers/${slug}/handout/`;
    print.append('Print for a patient', hidden(this.doc, `: ${name}`));
    li.querySelector('.card')?.append(label, print);
  }

  /** Adds the providers of a shared address, reporting ids this site lacks. */
  loadShared(text) {
    if (text === null) return;
    const ids = parseSlugs(text);
    const unknown = ids.filter((s) => !isSlug(s) || !this.cards.has(s));
    const added = ids.filter((s) => !unknown.includes(s) && !this.list.has(s));
    for (const s of added) this.list.toggle(s, true);
    const notice = this.panel.querySelector('[data-shortlist-notice]');
    const parts = [];
    if (added.length) parts.push(`Added ${plural(added.length)} from the shared link.`);
    if (unknown.length) parts.push(`Not on this site, so not added: ${unknown.join(', ')}.`);
    if (notice && parts.length) {
      notice.textContent = parts.join(' ');
      notice.hidden = false;
    }
  }

  update() {
    const chosen = this.chosen();
    const n = chosen.length;
    this.panel.querySelector('[data-shortlist-count]').textContent = plural(n);
    this.panel.querySelectorAll('.shortlist-actions button').forEach((b) => { b.disabled = n === 0; });
    for (const li of this.cards.values()) {
      const on = this.list.has(li.dataset.slug);
      li.classList.toggle('shortlisted', on);
      const box = li.querySelector('.shortlist-toggle input');
      if (box) box.checked = on;
      const print = li.querySelector('.card-handout');
      if (print) print.hidden = !on;
    }
    const ids = chosen.map((c) => c.slug).join(',');
    const share = this.panel.querySelector('[data-shortlist-link]');
    if (share) {
      share.href = new URL(`/providers/?shortlist=${ids}`, location.href).href;
      share.textContent = share.href;
      share.closest('p').hidden = n === 0;
    }
    const handouts = this.panel.querySelector('[data-shortlist-handouts]');
    if (handouts) {
      handouts.href = `/providers/handouts/?shortlist=${ids}`;
      handouts.hidden = n === 0;
    }
    this.renderItems(chosen);
  }

  renderItems(chosen) {
    if (!this.items) return;
    this.items.replaceChildren(...chosen.map((c, i) => this.item(c, i, chosen.length)));
  }

  item(c, i, n) {
    const li = this.doc.createElement('li');
    li.dataset.slug = c.slug;
    const a = this.doc.createElement('a');
    a.href = c.url;
    a.textContent = c.name;
    const tools = this.doc.createElement('span');
    tools.className = 'shortlist-item-actions';
    tools.append(
      this.button('Move up', c, i === 0, () => this.move(c, -1, 'up')),
      this.button('Move down', c, i === n - 1, () => this.move(c, 1, 'down')),
      this.button('Remove', c, false, () => {
        this.list.toggle(c.slug, false);
        this.update();
        this.say(`${c.name} removed from the shortlist.`);
        this.panel.querySelector('[data-shortlist-items] button:not([disabled])')?.focus();
      }),
    );
    li.append(a, ' ', tools);
    return li;
  }

  button(text, c, disabled, act) {
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.dataset.action = text.toLowerCase().replace(' ', '-');
    b.disabled = disabled;
    b.append(text, hidden(this.doc, `: ${c.name}`));
    b.addEventListener('click', act);
    return b;
  }

  /** Moves c one place and keeps focus on a move button of it. */
  move(c, by, word) {
    if (!this.list.move(c.slug, by)) return;
    this.update();
    const pos = this.list.list().filter((s) => this.cards.has(s)).indexOf(c.slug);
    const n = this.items?.children.length ?? 0;
    this.say(`${c.name} moved ${word}: ${pos + 1} of ${n}.`);
    const row = this.items?.querySelector(`li[data-slug="${c.slug}"]`);
    const same = row?.querySelector(`button[data-action="move-${word}"]`);
    const other = row?.querySelector(`button[data-action="move-${word === 'up' ? 'down' : 'up'}"]`);
    (same && !same.disabled ? same : other)?.focus();
  }

  /** Tells screen reader users what changed. */
  say(text) {
    if (this.status) this.status.textContent = text;
  }
}

function hidden(doc, text) {
  const span = doc.createElement('span');
  span.className = 'visually-hidden';
  span.textContent = text;
  return span;
}

function plural(n) { return n === 1 ? '1 provider' : `${n} providers`; }
