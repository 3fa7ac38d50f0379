// MiniSearch on the directory page: fetches the documents the benchmark
// wrote from the content and indexes them in the browser, with artsmap's
// field weights, fuzzy 0.2 and prefix search.
import MiniSearch from './minisearch.js';
import { show, total } from '../cards.js';

const ms = new MiniSearch({
  fields: ['name', 'tags', 'vocab', 'programmes', 'places', 'summary', 'body'],
  storeFields: ['slug'],
  searchOptions: {
    boost: { name: 10, tags: 6, vocab: 5, programmes: 5, places: 4, summary: 3, body: 1 },
    fuzzy: 0.2,
    prefix: true,
    combineWith: 'AND', // as artsmap: every word must match
  },
});
const res = await fetch('/bench/minisearch/docs.json');
ms.addAll(await res.json());
show(null);

const input = document.getElementById('q');
input.addEventListener('input', () => {
  const q = input.value;
  const hits = q.trim() ? ms.search(q) : null;
  show(hits && hits.map((h) => h.slug));
  window.__bench.done(q, hits ? hits.length : total);
});
document.getElementById('directory').addEventListener('submit', (e) => e.preventDefault());
performance.mark('bench-ready');
document.documentElement.dataset.bench = 'ready';
