// Shows results as artsmap's directory does: reuses the server-rendered
// cards of /providers/, shows the first `limit` in order, hides the rest.
const list = document.getElementById('result-list');
const all = [...list.querySelectorAll(':scope > li[data-slug]')];
const bySlug = new Map(all.map((li) => [li.dataset.slug, li]));
let shown = null;

export const total = all.length;

/** @param {string[]|null} slugs in order, or null for every card A to Z */
export function show(slugs, limit = 50) {
  const next = slugs === null ? all.slice(0, limit) : slugs.slice(0, limit).map((s) => bySlug.get(s)).filter(Boolean);
  const keep = new Set(next);
  for (const li of shown ?? all) if (!keep.has(li)) li.hidden = true;
  for (const li of next) li.hidden = false;
  list.prepend(...next);
  shown = next;
}
