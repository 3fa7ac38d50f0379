// The evidence library: filters by condition, art form, design and
// certainty, with live counts and the address as the whole state. Without
// JavaScript the page lists every synopsis and the browse pages list them
// by each value.

import { KEYS, parseFilters, formatFilters, matches, counts } from './filter.js';

function start() {
  const form = /** @type {HTMLFormElement|null} */ (document.getElementById('evidence-filters'));
  const list = document.getElementById('evidence-list');
  if (!form || !list) return;
  const rows = [...list.querySelectorAll(':scope > li')].map((li) => ({
    li,
    values: new Map(KEYS.map((k) => [k, (li.dataset[k] || '').split(' ').filter(Boolean)])),
  }));
  const count = document.getElementById('evidence-count');
  const none = document.getElementById('evidence-none');
  let filters = parseFilters(location.search);

  const render = () => {
    let shown = 0;
    for (const r of rows) {
      r.li.hidden = !matches(r.values, filters);
      if (!r.li.hidden) shown++;
    }
    const n = counts(rows.map((r) => r.values), filters);
    for (const out of form.querySelectorAll('[data-count]')) {
      const [key, id] = out.dataset.count.split(':');
      out.textContent = `(${n.get(key)?.get(id) || 0})`;
    }
    if (count) count.textContent = `${shown} of ${rows.length} ${rows.length === 1 ? 'synopsis' : 'synopses'}`;
    if (none) none.hidden = shown > 0;
  };
  const writeForm = () => {
    for (const input of form.querySelectorAll('input[type="checkbox"]')) {
      input.checked = filters.get(input.name)?.has(input.value) ?? false;
    }
  };
  const readForm = () => {
    const next = new Map();
    for (const key of KEYS) {
      const ticked = [...form.querySelectorAll(`input[name="${key}"]:checked`)].map((i) => i.value);
      if (ticked.length) next.set(key, new Set(ticked));
    }
    return next;
  };
  const changed = () => {
    filters = readForm();
    render();
    history.replaceState(history.state, '', location.pathname + formatFilters(filters) + location.hash);
  };

  form.hidden = false;
  form.addEventListener('change', changed);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    changed();
  });
  form.addEventListener('reset', () => setTimeout(changed, 0));
  window.addEventListener('popstate', () => {
    filters = parseFilters(location.search);
    writeForm();
    render();
  });
  writeForm();
  render();
  document.documentElement.dataset.evidence = 'ready';
}

start();
