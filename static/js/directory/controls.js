// Controls: reads the state from the form and writes it back, so the
// form always shows what the address says.

import { ageOf } from './state.js';

/** @param {HTMLFormElement} form */
export function readControls(form, previous) {
  const filters = new Map();
  for (const key of previous.keys) {
    const ticked = [...form.querySelectorAll(`input[name="${key}"]:checked`)].map((i) => i.value);
    if (ticked.length) filters.set(key, new Set(ticked));
  }
  return {
    keys: previous.keys,
    q: form.elements.namedItem('q')?.value ?? '',
    filters,
    age: ageOf(form.elements.namedItem('age')?.value ?? ''),
    near: form.elements.namedItem('near-postcode')?.value.trim() || (form.elements.namedItem('near')?.value ?? ''),
    sort: form.elements.namedItem('sort')?.value ?? previous.sort,
  };
}

/** @param {HTMLFormElement} form */
export function writeControls(form, state) {
  const q = form.elements.namedItem('q');
  if (q && q.value !== state.q) q.value = state.q;
  for (const input of form.querySelectorAll('input[type="checkbox"][name]')) {
    input.checked = state.filters.get(input.name)?.has(input.value) ?? false;
  }
  const age = form.elements.namedItem('age');
  if (age && ageOf(age.value) !== state.age) age.value = state.age;
  for (const name of ['near', 'sort']) {
    const sel = form.elements.namedItem(name);
    if (sel && [...sel.options].some((o) => o.value === state[name])) sel.value = state[name];
  }
  // A "near" that is no town or location is a postcode, typed in its own box.
  const pc = form.elements.namedItem('near-postcode');
  const near = form.elements.namedItem('near');
  const town = !!near && [...near.options].some((o) => o.value === state.near);
  if (pc) {
    if (town || !state.near || state.near === 'my-location') pc.value = '';
    else if (pc.value.trim() !== state.near) pc.value = state.near;
  }
  if (near && !town) near.value = '';
  for (const details of form.querySelectorAll('details.facet, details.filter-panel')) {
    if (details.querySelector('input:checked')) details.open = true;
  }
}

/** The count outputs of each form, by "key:id", found once. */
const outputs = new WeakMap();

/**
 * Shows each facet value's count, as "(12)", touching only the counts that
 * changed (each change costs the page a new layout).
 * @param {HTMLFormElement} form
 */
export function writeCounts(form, counts) {
  let byKey = outputs.get(form);
  if (!byKey) {
    byKey = new Map([...form.querySelectorAll('[data-count]')].map((o) => [o.dataset.count, o]));
    outputs.set(form, byKey);
  }
  for (const [key, values] of counts) {
    for (const [id, n] of values) {
      const out = byKey.get(`${key}:${id}`);
      const text = `(${n})`;
      if (out && out.textContent !== text) out.textContent = text;
    }
  }
}
