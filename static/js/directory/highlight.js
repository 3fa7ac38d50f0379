// Highlight: marks the words of an element's text that matched the query,
// keeping its links and other markup.

import { tokens } from './tokens.js';

const WORD = /[\p{L}\p{N}'’]+/gu;

/**
 * @typedef {{node: Node, words: string[], spans: [number, number, string][][], marked: string}} Original
 * node: a clone of the element as the page had it; words: the distinct
 * terms of its words, in order; spans: for each of its text nodes, where
 * each word is and its term; marked: the words' terms marked now, joined.
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
    const node = el.cloneNode(true);
    original = { node, ...wordsOf(node), marked: '' };
    originals.set(el, original);
  }
  const marked = original.words.filter((t) => terms.has(t)).join(' ');
  if (marked === original.marked) return;
  original.marked = marked;
  const fresh = original.node.cloneNode(true);
  if (marked) markText(fresh, terms, original.spans);
  el.replaceChildren(...fresh.childNodes);
}

/** Where the words of root's text are, node by node, with their terms. */
function wordsOf(root) {
  const found = new Set();
  const spans = textNodes(root).map((node) => {
    const list = [];
    for (const m of (node.nodeValue || '').matchAll(WORD)) {
      const t = tokens(m[0])[0];
      if (!t) continue;
      list.push([m.index, m[0].length, t]);
      found.add(t);
    }
    return list;
  });
  return { words: [...found], spans };
}

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/**
 * Wraps the matched words of every text node under root, a copy of the
 * element whose words spans lists.
 */
function markText(root, terms, spans) {
  textNodes(root).forEach((node, i) => {
    const text = node.nodeValue || '';
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const [at, length, t] of spans[i]) {
      if (!terms.has(t)) continue;
      frag.append(text.slice(last, at));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(at, at + length);
      frag.append(mark);
      last = at + length;
    }
    if (last > 0) {
      frag.append(text.slice(last));
      node.replaceWith(frag);
    }
  });
}
