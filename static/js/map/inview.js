// In view: the list beside the map of the venues in view, for keyboard
// and screen reader users, nearest first when a postcode is chosen, each
// with a button that shows it on the map.

import { distanceKm } from '../directory/order.js';
import { distanceText } from '../postcode.js';

/** Orders names as String.prototype.localeCompare does, with one collator made once. */
const byName = new Intl.Collator().compare;

/** How many venues the list shows at most. */
const LISTED = 150;

/**
 * Lists the venues of the map view in its list: A to Z, or nearest first
 * when a postcode is chosen. A to Z, the markers drawn are sorted once per
 * drawing (view.byLabel, which render() clears) and each move only walks
 * them, rather than sorting every venue in view again on each move.
 * @param {any} view the map page (MapView)
 */
export function listInView(view) {
  if (!view.inView) return;
  const bounds = view.map.getBounds();
  const visible = view.visible || [];
  const o = view.origin;
  let here;
  let count = 0;
  if (o) {
    const km = (m) => distanceKm(o.lon, o.lat, m.venue.lon, m.venue.lat);
    here = visible.filter((m) => bounds.contains(m.getLatLng()));
    here.sort((a, b) => km(a) - km(b) || byName(a.label, b.label));
    count = here.length;
    here = here.slice(0, LISTED);
  } else {
    view.byLabel ??= [...visible].sort((a, b) => byName(a.label, b.label));
    here = [];
    for (const m of view.byLabel) {
      if (!bounds.contains(m.getLatLng())) continue;
      if (count++ < LISTED) here.push(m);
    }
  }
  view.inView.replaceChildren(...here.map((m) => inViewItem(view, m)));
  const more = count > LISTED ? ` (the first ${LISTED} are listed; zoom in to see the rest)` : '';
  const total = visible.length;
  view.inViewCount.textContent = `${count} of ${total} ${total === 1 ? 'venue' : 'venues'} in view${more}`;
}

function inViewItem(view, m) {
  const p = view.providers[m.venue.doc];
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = p.url;
  a.textContent = p.name;
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.textContent = 'Show on map';
  btn.setAttribute('aria-label', `Show on map: ${m.label}`);
  btn.addEventListener('click', () => view.cluster.zoomToShowLayer(m, () => {
    m.openPopup();
    // Focus the marker once the key that pressed the button is done with:
    // Enter's keypress on the marker would close the popup again.
    setTimeout(() => m.getElement()?.focus(), 0);
  }));
  const away = view.origin ? `, ${distanceText(distanceKm(view.origin.lon, view.origin.lat, m.venue.lon, m.venue.lat))} away` : '';
  li.append(a, document.createTextNode(`: ${m.venue.name} (${m.status.label})${away} `), btn);
  return li;
}
