// Pagefind on the directory page: its JavaScript API over the index that
// `pagefind --site` wrote of the provider pages. Pagefind gives a result's
// address only in its fragment, so the fragments of the first SHOWN results
// are loaded, as Pagefind's own UI does for the results it displays.
import { show, total } from '../cards.js';

const SHOWN = 10;
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
show(null);

const input = document.getElementById('q');
let seq = 0;
input.addEventListener('input', async () => {
  const q = input.value;
  const me = ++seq;
  if (!q.trim()) {
    show(null);
    window.__bench.done(q, total);
    return;
  }
  const found = await pagefind.search(q);
  const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
  if (me !== seq) return; // a later keystroke has its own results
  show(data.map((d) => d.url.split('/').filter(Boolean).at(-1)), SHOWN);
  window.__bench.done(q, found.results.length);
});
document.getElementById('directory').addEventListener('submit', (e) => e.preventDefault());
performance.mark('bench-ready');
document.documentElement.dataset.bench = 'ready';
