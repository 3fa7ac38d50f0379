// Results: shows the matching cards in order, reusing the cards the server
// rendered, so the page without JavaScript and with it show the same thing.

import { highlight } from './highlight.js';
import { distanceText } from '../postcode.js';

export class Results {
  /**
   * Takes over the server-rendered list: its cards move to a hidden store,
   * and a list in its place holds only the cards shown, so that each
   * update touches those cards and no others. On a directory of several
   * pages the page holds only its own cards: the others are fetched, a
   * chunk of consecutive documents at a time, when they are to be shown.
   * @param {HTMLOListElement} list the server-rendered list of cards
   * @param {import('./index.js').SearchIndex} index
   * @param {{url: string, size: number, first: number}|null} source where
   *   the first chunk of cards is (/providers/cards-0.html: the others
   *   have their number in place of its 0), how many cards each holds,
   *   and the position of the page's first card, from 1
   */
  constructor(list, index, source) {
    this.index = index;
    this.source = source;
    this.cards = new Array(index.size);
    const first = source ? source.first - 1 : 0;
    list.querySelectorAll(':scope > li[data-slug]').forEach((li, i) => { this.cards[first + i] = li; });
    this.list = /** @type {HTMLOListElement} */ (list.cloneNode(false));
    list.removeAttribute('id');
    list.hidden = true;
    list.before(this.list);
    this.list.append(...list.children); // shown until the first results replace them
    this.store = list;
    this.originals = new WeakMap();
    /** @type {WeakMap<Element, Element[]>} each card's highlighted parts */
    this.texts = new WeakMap();
    this.chunks = new Map();
    /** @type {Map<number, string>} fetched cards' markup, by document, not made yet */
    this.unread = new Map();
    /** @type {((cards: HTMLElement[]) => void)[]} */
    this.onAdd = [];
  }

  /**
   * Makes the documents' cards: null when they are all here, else a promise
   * that fetches the chunks they are in first.
   */
  need(docs) {
    if (!this.source) return null;
    const missing = new Set();
    for (const d of docs) if (!this.cards[d] && !this.unread.has(d)) missing.add(Math.floor(d / this.source.size));
    if (missing.size) return Promise.all([...missing].map((k) => this.chunk(k))).then(() => this.read(docs));
    this.read(docs);
    return null;
  }

  /** Fetches the cards of the providers named by slug, for the shortlist. */
  async cardsOf(slugs) {
    if (!this.source || slugs.length === 0) return;
    await this.index.loadFacets();
    await this.need(slugs.map((s) => this.index.bySlug.get(s)).filter((d) => d !== undefined));
  }

  /**
   * Fetches chunk k and keeps each card's markup, unread: a card is made
   * only when it is to be shown (read), not the twenty of every chunk.
   */
  chunk(k) {
    let p = this.chunks.get(k);
    if (p) return p;
    const url = this.source.url.replace(/0\.html$/, `${k}.html`);
    p = fetch(url, { credentials: 'same-origin' }).then((res) => {
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return res.text();
    }).then((text) => {
      cardMarkup(text).forEach((html, i) => {
        const d = k * this.source.size + i;
        if (!this.cards[d]) this.unread.set(d, html);
      });
    });
    this.chunks.set(k, p);
    p.catch(() => this.chunks.delete(k));
    return p;
  }

  /** Makes the cards of the documents whose markup is fetched and unread. */
  read(docs) {
    const ds = docs.filter((d) => this.unread.has(d));
    if (ds.length === 0) return;
    const t = document.createElement('template');
    t.innerHTML = ds.map((d) => this.unread.get(d)).join('');
    const items = [...t.content.children];
    const added = [];
    ds.forEach((d, i) => {
      this.unread.delete(d);
      const li = items[i];
      if (!li || this.cards[d]) return;
      this.cards[d] = /** @type {HTMLElement} */ (document.adoptNode(li));
      this.store.append(li);
      added.push(li);
    });
    for (const f of this.onAdd) f(added);
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
    const gone = [...this.list.children].filter((li) => !keep.has(li));
    if (gone.length) this.store.append(...gone);
    // Cards already in their place stay there: a moved card costs the page
    // its style and layout again, so only those out of place move.
    let at = this.list.firstElementChild;
    for (const li of next) {
      if (li === at) at = at.nextElementSibling;
      else this.list.insertBefore(li, at);
    }
    order.slice(0, limit).forEach((d, i) => this.decorate(next[i], terms, distances?.get(d)));
  }

  decorate(li, terms, km) {
    if (!li) return;
    let texts = this.texts.get(li);
    if (!texts) {
      texts = [...li.querySelectorAll('.card-title a, .card-summary, .facts dd')];
      this.texts.set(li, texts);
    }
    for (const el of texts) highlight(el, terms, this.originals);
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
    const text = `${distanceText(km)} away`;
    if (out.textContent !== text) out.textContent = text;
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

/**
 * The markup of each card in a chunk of cards (/providers/cards-<k>.html),
 * in order: the list items of its #provider-cards list. The build escapes
 * every text and attribute, so the markup that opens a card cannot occur
 * inside one.
 * @param {string} text
 * @returns {string[]}
 */
export function cardMarkup(text) {
  const open = '<li data-slug="';
  const start = text.indexOf('<ol id="provider-cards">');
  const end = text.lastIndexOf('</ol>');
  if (start < 0 || end < start) return [];
  const list = text.slice(start, end);
  const out = [];
  for (let at = list.indexOf(open); at >= 0;) {
    const next = list.indexOf(open, at + open.length);
    out.push(next < 0 ? list.slice(at) : list.slice(at, next));
    at = next;
  }
  return out;
}
