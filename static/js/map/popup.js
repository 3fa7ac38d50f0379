// Popup: a venue's provider and status at once, then its address, access
// details and programmes, read from the provider's own profile page (the
// site's HTML, so nothing is published twice). Content is copied as DOM
// nodes; nothing is ever parsed from data as HTML.

const profiles = new Map();

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Loads and parses a profile page once. */
function profile(url) {
  if (!profiles.has(url)) {
    profiles.set(url, fetch(url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((html) => new DOMParser().parseFromString(html, 'text/html')));
  }
  return profiles.get(url);
}

/**
 * @param {{id: string, name: string}} venue
 * @param {{name: string, url: string}} provider
 * @param {{label: string}} status as the map's data describes it
 * @param {() => void} [loaded] called once the details are in, so that the popup is laid out again
 * @returns {HTMLElement}
 */
export function popupContent(venue, provider, status, loaded = () => undefined) {
  const root = el('div', '', 'map-popup');
  const h = el('h3');
  const a = el('a', provider.name);
  a.href = provider.url;
  h.append(a);
  const details = el('div', 'Loading details…', 'popup-details');
  root.append(h, el('p', `${venue.name} · ${status.label}`), details);
  profile(provider.url).then((doc) => fillDetails(details, doc, venue, provider), () => {
    details.textContent = 'Details are on the profile page.';
  }).then(loaded);
  const more = el('a', `Venue details on the profile of ${provider.name}`);
  more.href = `${provider.url}#venue-${venue.id}`;
  const last = el('p');
  last.append(more);
  root.append(last);
  return root;
}

function fillDetails(box, doc, venue) {
  const section = doc.getElementById(`venue-${venue.id}`);
  box.replaceChildren();
  const address = section?.querySelector('.address');
  if (address) box.append(el('p', address.textContent ?? ''));
  const progs = [...doc.querySelectorAll('.programme')].filter((p) => p.querySelector(`a[href="#venue-${CSS.escape(venue.id)}"]`));
  if (progs.length) {
    const ul = el('ul');
    for (const p of progs) ul.append(el('li', `${p.querySelector('h3')?.textContent ?? ''} (${p.querySelector('.status')?.textContent?.trim() ?? ''})`));
    box.append(el('p', 'Programmes here:'), ul);
  }
  const facts = section?.querySelector('dl');
  if (facts) box.append(document.importNode(facts, true));
}
