// In view: the list beside the map of the venues in view, for keyboard
// and screen reader users, nearest first when a postcode is chosen, each
// with a button that shows it on the map.

import { distanceKm } from '../directory/order.js';
import { distanceText } from '../postcode.js';

/**
 * Lists the venues of the map view in its list.
 * @param {any} view the map page (MapView)
 */
export function listInView(view) {
  if (!view.inView) return;
  const bounds = view.map.getBounds();
  const here = (view.visible || []).filter((m) => bounds.contains(m.getLatLng()));
  const o = view.origin;
  const km = (m) => distanceKm(o.lon, o.lat, m.venue.lon, m.venue.lat);
  if (o) here.sort((a, b) => km(a) - km(b) || a.label.localeCompare(b.label));
  else here.sort((a, b) => a.label.localeCompare(b.label));
  view.inView.replaceChildren(...here.slice(0, 150).map((m) => inViewItem(view, m)));
  const more = here.length > 150 ? ` (the first 150 are listed; zoom in to see the rest)` : '';
  const total = (view.visible || []).length;
  view.inViewCount.textContent = `${here.length} of ${total} ${total === 1 ? 'venue' : 'venues'} in view${more}`;
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
