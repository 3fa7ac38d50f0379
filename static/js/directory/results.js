// Results: shows the matching cards in order, reusing the cards the server
// rendered, so the page without JavaScript and with it show the same thing.

import { highlight } from './highlight.js';
import { distanceText } from '../postcode.js';

export class Results {
  /**
   * Takes over the server-rendered list: its cards move to a hidden store,
   * and a list in its place holds only the cards shown, so that each
   * update touches those cards and no others.
   * @param {HTMLOListElement} list the server-rendered list of cards
   * @param {import('./index.js').SearchIndex} index
   */
  constructor(list, index) {
    this.cards = new Array(index.size);
    for (const li of list.querySelectorAll(':scope > li[data-slug]')) {
      const d = index.bySlug.get(li.dataset.slug);
      if (d !== undefined) this.cards[d] = li;
    }
    this.list = /** @type {HTMLOListElement} */ (list.cloneNode(false));
    list.removeAttribute('id');
    list.hidden = true;
    list.before(this.list);
    this.store = list;
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
    this.store.append(...[...this.list.children].filter((li) => !keep.has(li)));
    this.list.append(...next);
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
    out.textContent = `${distanceText(km)} away`;
  }
}

/**
 * The result count in words: "Showing all 12 providers", "3 of 12 providers
 * match", "1 of 12 providers matches", "Showing the only provider".
 * @param {number} shown
 * @param {number} total
 */
export function countText(shown, total) {
  if (shown === total) return total === 1 ? 'Showing the only provider' : `Showing all ${total} providers`;
  return `${shown} of ${total} ${total === 1 ? 'provider' : 'providers'} ${shown === 1 ? 'matches' : 'match'}`;
}
