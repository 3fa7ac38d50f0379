// The handouts of a shortlist, one a page: reads the shortlist from the
// address (?shortlist=a,b) or from this browser, fetches each provider's
// handout from this site and lays them out to print in one go.

import { Shortlist, parseSlugs, isSlug } from './directory/shortlist.js';

/** @param {Document} doc */
async function start(doc) {
  const status = doc.getElementById('handouts-status');
  const into = doc.getElementById('handouts');
  if (!status || !into) return;
  for (const el of doc.querySelectorAll('[data-without-js]')) el.hidden = true;
  const fromURL = new URLSearchParams(location.search).get('shortlist');
  let slugs = fromURL === null ? [] : parseSlugs(fromURL);
  if (fromURL === null) {
    let storage = null;
    try { storage = window.localStorage; } catch { /* blocked: nothing saved */ }
    slugs = new Shortlist(storage).list();
  }
  if (slugs.length === 0) {
    status.textContent = 'Your shortlist is empty. Tick "Shortlist" on providers in the directory, then choose "Print handouts".';
    return;
  }
  status.textContent = `Loading ${slugs.length === 1 ? 'one handout' : `${slugs.length} handouts`}…`;
  const results = await Promise.all(slugs.map((s) => fetchHandout(doc, s)));
  const missing = slugs.filter((_, i) => !results[i]);
  for (const article of results) if (article) into.append(article);
  const n = results.length - missing.length;
  status.textContent = `${n === 1 ? 'One handout' : `${n} handouts`} ready to print, one a page.` +
    (missing.length ? ` Not found, so left out: ${missing.join(', ')}.` : '');
  for (const button of doc.querySelectorAll('button[data-print]')) {
    button.hidden = n === 0;
    button.addEventListener('click', () => window.print());
  }
  doc.documentElement.dataset.handouts = 'ready';
}

/**
 * Reads a provider's handout from this site; null when there is none.
 * Its headings step down one level under this page's h1.
 * @param {Document} doc
 * @param {string} slug
 */
async function fetchHandout(doc, slug) {
  if (!isSlug(slug)) return null;
  let res;
  try {
    res = await fetch(`/providers/${slug}/handout/`, { credentials: 'same-origin' });
  } catch {
    return null;
  }
  if (!res.ok) return null;
  const page = new DOMParser().parseFromString(await res.text(), 'text/html');
  const article = page.querySelector('article.handout');
  if (!article) return null;
  for (const [from, to] of [['h2', 'h3'], ['h1', 'h2']]) {
    for (const h of article.querySelectorAll(from)) {
      const next = page.createElement(to);
      next.className = h.className;
      next.append(...h.childNodes);
      h.replaceWith(next);
    }
  }
  return doc.adoptNode(article);
}

start(document).catch((err) => {
  document.documentElement.dataset.handouts = 'failed';
  console.warn('The handouts could not be loaded.', err);
});
