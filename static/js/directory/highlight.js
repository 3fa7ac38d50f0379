// Highlight: marks the words of an element's text that matched the query,
// keeping its links and other markup.

import { tokens } from './tokens.js';

const WORD = /[\p{L}\p{N}'’]+/gu;

/**
 * Restores el to its original content, then wraps each matched word in
 * <mark>. The original is kept, as a clone, in originals.
 * @param {Element} el
 * @param {Set<string>} terms normalised index terms that matched
 * @param {WeakMap<Element, Node>} originals
 */
export function highlight(el, terms, originals) {
  if (!originals.has(el)) {
    if (terms.size === 0) return;
    originals.set(el, el.cloneNode(true));
  }
  const fresh = originals.get(el).cloneNode(true);
  if (terms.size) markText(fresh, terms);
  el.replaceChildren(...fresh.childNodes);
}

/** Wraps matched words of every text node under root. */
function markText(root, terms) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
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
