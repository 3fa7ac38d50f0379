// Popup: the provider, programmes and access details of a venue, built
// with DOM methods so that no content is ever parsed as HTML.

const STATUS = { established: 'Established', emerging: 'Emerging', pilot: 'Pilot', ended: 'Ended' };

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function yesNo(v) {
  if (v === true) return 'Yes';
  if (v === false) return 'No';
  return 'Not stated';
}

/** @returns {HTMLElement} */
export function popupContent(feature) {
  const p = feature.properties;
  const root = el('div', '', 'map-popup');
  const h = el('h3');
  const a = el('a', p.name);
  a.href = new URL(p.url).pathname;
  h.append(a);
  root.append(h);
  root.append(el('p', `${p.venue}${p.address ? `, ${p.address}` : ''}${p.postcode ? ` ${p.postcode}` : ''}`));
  if (p.programme_details.length) {
    const ul = el('ul');
    for (const pg of p.programme_details) ul.append(el('li', `${pg.title} (${STATUS[pg.status] ?? pg.status})`));
    root.append(el('p', 'Programmes here:'), ul);
  }
  const dl = el('dl', '', 'facts compact');
  for (const [k, v] of [['Step-free', yesNo(p.step_free)], ['Hearing loop', yesNo(p.hearing_loop)], ['Parking', yesNo(p.parking)]]) {
    dl.append(el('dt', k), el('dd', v));
  }
  if (p.accessibility) dl.append(el('dt', 'Access'), el('dd', p.accessibility));
  root.append(dl);
  const more = el('a', `See the profile of ${p.name}`);
  more.href = `${new URL(p.url).pathname}#venue-${feature.id.split('/')[1]}`;
  const last = el('p');
  last.append(more);
  root.append(last);
  return root;
}

/** The status a venue shows: its most established programme's, else the provider's. */
export function venueStatus(feature) {
  const progs = feature.properties.programme_details;
  for (const st of ['established', 'emerging', 'pilot']) if (progs.some((pg) => pg.status === st)) return st;
  return progs.length ? 'ended' : feature.properties.status;
}

export function statusLabel(st) {
  return STATUS[st] ?? st;
}
