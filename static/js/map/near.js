// Near a postcode: the map's postcode box marks the postcode typed, moves
// the map there and says which district it is in and the nearest venue
// shown, or says plainly that it is not known.

import { placeText, distanceText } from '../postcode.js';
import { distanceKm } from '../directory/order.js';

/**
 * Shows the postcode typed for "near" on the map page.
 * @param {any} view the map page (MapView)
 */
export async function showPostcode(view) {
  const L = /** @type {any} */ (window).L;
  const out = document.getElementById('near-postcode-status');
  const text = view.state.near;
  view.originMarker?.remove();
  view.origin = null;
  if (!view.postcodes || !out) return;
  if (!text || text === 'my-location') {
    out.textContent = '';
    return;
  }
  const found = await view.postcodes.find(text).catch(() => null);
  if (text !== view.state.near) return;
  if (!found || !found.place) {
    out.textContent = found ? capital(placeText(found, view.form.dataset.region)) + '.' : `"${text}" is not a postcode: type one such as GL14 2AB, or its first half.`;
    view.listInView();
    return;
  }
  const p = found.place;
  view.origin = p;
  view.originMarker = L.circleMarker([p.lat, p.lon], { radius: 9, color: '#0b0c0c', weight: 3, fillOpacity: 0, interactive: false }).addTo(view.map);
  view.map.setView([p.lat, p.lon], Math.max(view.map.getZoom(), 12), { animate: false });
  const near = nearest(view.visible || [], p);
  out.textContent = `${p.code}${p.district ? ` is in ${p.district}` : ''}. ` + (near
    ? `Nearest venue shown: ${near.m.venue.name} (${view.providers[near.m.venue.doc].name}), ${distanceText(near.km)} away.`
    : 'No venue is shown: change the filters to see some.');
  view.listInView();
}

/** The shown venue nearest the place, and how far it is. */
function nearest(visible, origin) {
  let best = null;
  for (const m of visible) {
    const km = distanceKm(origin.lon, origin.lat, m.venue.lon, m.venue.lat);
    if (!best || km < best.km) best = { m, km };
  }
  return best;
}

function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
