// Highlight: marks the words of an element's text that matched the query,
// keeping its links and other markup.

import { tokens } from './tokens.js';

const WORD = /[\p{L}\p{N}'’]+/gu;

/**
 * @typedef {{node: Node, words: string[], marked: string}} Original
 * node: a clone of the element as the page had it; words: the distinct
 * terms of its words, in order; marked: those of them marked now, joined.
 */

/**
 * Marks each word of el whose term matched, as <mark>, from el's original
 * content, kept (as a clone) in originals. The marks depend only on which
 * of el's own terms matched: when those are the ones marked already, el
 * is left as it is, so a keystroke touches only the text whose marks change.
 * @param {Element} el
 * @param {Set<string>} terms normalised index terms that matched
 * @param {WeakMap<Element, Original>} originals
 */
export function highlight(el, terms, originals) {
  let original = originals.get(el);
  if (!original) {
    if (terms.size === 0) return;
    original = { node: el.cloneNode(true), words: termsOf(el), marked: '' };
    originals.set(el, original);
  }
  const marked = original.words.filter((t) => terms.has(t)).join(' ');
  if (marked === original.marked) return;
  original.marked = marked;
  const fresh = original.node.cloneNode(true);
  if (marked) markText(fresh, terms);
  el.replaceChildren(...fresh.childNodes);
}

/** The distinct terms of the words of root's text, in order. */
function termsOf(root) {
  const found = new Set();
  for (const node of textNodes(root)) {
    for (const m of (node.nodeValue || '').matchAll(WORD)) {
      const t = tokens(m[0])[0];
      if (t) found.add(t);
    }
  }
  return [...found];
}

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/** Wraps matched words of every text node under root. */
function markText(root, terms) {
  for (const node of textNodes(root)) {
    const text = node.nodeValue || '';
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(WORD)) {
      const t = tokens(m[0])[0];
      if (!t || !terms.has(t)) continue;
      frag.append(text.slice(last, m.index));
      const mark = document.createElement('mark');
      mark.textContent = m[0];
      frag.append(mark);
      last = m.index + m[0].length;
    }
    if (last > 0) {
      frag.append(text.slice(last));
      node.replaceWith(frag);
    }
  }
}
