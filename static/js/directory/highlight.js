// Highlight: marks the words of a text that matched the query.

import { tokens } from './tokens.js';

const WORD = /[\p{L}\p{N}'’]+/gu;

/**
 * Replaces the children of el with its original text, wrapping matched
 * words in <mark>. The original text is kept in a WeakMap.
 * @param {Element} el
 * @param {Set<string>} terms normalised index terms that matched
 * @param {WeakMap<Element, string>} originals
 */
export function highlight(el, terms, originals) {
  if (!originals.has(el)) originals.set(el, el.textContent || '');
  const text = originals.get(el);
  if (terms.size === 0) {
    if (el.childElementCount) el.textContent = text;
    return;
  }
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
  frag.append(text.slice(last));
  el.replaceChildren(frag);
}
