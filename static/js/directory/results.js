// Results: shows the matching cards in order, reusing the cards the server
// rendered, so the page without JavaScript and with it show the same thing.

import { highlight } from './highlight.js';

export class Results {
  /**
   * @param {HTMLOListElement} list the server-rendered list of cards
   * @param {import('./index.js').SearchIndex} index
   */
  constructor(list, index) {
    this.list = list;
    this.cards = new Array(index.size);
    for (const li of list.querySelectorAll(':scope > li[data-slug]')) {
      const d = index.bySlug.get(li.dataset.slug);
      if (d !== undefined) this.cards[d] = li;
    }
    this.shown = [];
    this.originals = new WeakMap();
  }

  /**
   * Shows the first limit documents of order, highlighting terms.
   * @param {number[]} order
   * @param {number} limit
   * @param {Set<string>} terms
   * @param {Map<number, number>|null} distances
   */
  show(order, limit, terms, distances) {
    const next = order.slice(0, limit).map((d) => this.cards[d]).filter(Boolean);
    const keep = new Set(next);
    for (const li of this.shown) if (!keep.has(li)) li.hidden = true;
    if (this.shown.length === 0) for (const li of this.cards) if (li && !keep.has(li)) li.hidden = true;
    for (const li of next) li.hidden = false;
    this.list.prepend(...next);
    this.shown = next;
    order.slice(0, limit).forEach((d, i) => this.decorate(next[i], terms, distances?.get(d)));
  }

  decorate(li, terms, km) {
    if (!li) return;
    for (const el of li.querySelectorAll('.card-title a, .card-summary, .facts dd')) highlight(el, terms, this.originals);
    let out = li.querySelector('.card-distance');
    if (km === undefined || !Number.isFinite(km)) {
      out?.remove();
      return;
    }
    if (!out) {
      out = document.createElement('p');
      out.className = 'card-distance';
      li.querySelector('.card-meta')?.after(out);
    }
    out.textContent = `${km < 10 ? km.toFixed(1) : Math.round(km)} km away`;
  }
}
