// The first view: the map drawn at once from /map/clusters.json, the
// venues clustered at build time zoom by zoom (internal/site/mapclusters.go),
// before the full data (/map/venues.json and the directory's index) has
// come. On a site of 100,000 venues that file is a few tens of kilobytes
// where the full data is megabytes. Once the full data is in, main.js's
// MapView takes over the same Leaflet map and removes this view when its
// own markers are drawn.
//
// Used only when the address asks for no filter, search, year or layer:
// the clusters are of every venue, which is what such an address shows.

import { bubbleIcon, MARKER_SIZE } from './cluster.js';
import { popupContent } from './popup.js';

/**
 * @typedef {{bounds: number[], radius: number, statuses: {id: string, label: string}[], zooms: any[][][]}} Clusters
 */

export class FirstView {
  /**
   * Makes the Leaflet map in el, fitted to every venue, with its tiles.
   * @param {any} L Leaflet
   * @param {HTMLElement} el the map element, shown
   * @param {Clusters} data
   * @param {object} options Leaflet map options
   * @param {(map: any) => void} tiles adds the tile layer
   */
  constructor(L, el, data, options, tiles) {
    this.L = L;
    this.el = el;
    this.data = data;
    this.icons = new Map();
    this.map = L.map(el, { keyboard: true, ...options });
    const [w, s, e, n] = data.bounds;
    this.map.fitBounds(L.latLngBounds([[s, w], [n, e]]).pad(0.1), { maxZoom: 13, animate: false });
    tiles(this.map);
    this.layer = L.layerGroup().addTo(this.map);
    this.redraw = () => this.draw();
    this.map.on('zoomend', this.redraw);
  }

  /**
   * Draws the clusters and lone venues of the map's zoom, when the build
   * wrote that zoom; else nothing, until the full data comes.
   * @returns {number} how many markers and bubbles are drawn
   */
  draw() {
    this.layer.clearLayers();
    const zoom = this.map.getZoom();
    const items = this.data.zooms[zoom] || [];
    this.el.dataset.firstZoom = String(zoom);
    for (const item of items) this.layer.addLayer(item[2] === 1 ? this.venue(item) : this.bubble(item));
    if (items.length) {
      this.el.dataset.drawn = String(items.length);
      this.el.dataset.first = String(items.length);
      performance.mark('markers-drawn');
    }
    return items.length;
  }

  /** A cluster's bubble: selecting it zooms in there. */
  bubble([lon, lat, n, counts]) {
    const split = this.data.statuses.map((s, i) => [s, counts[i] || 0]).filter(([, k]) => k > 0);
    const m = this.L.marker([lat, lon], { icon: bubbleIcon(this.L, n, split), keyboard: true });
    m.on('click', () => this.map.setView([lat, lon], Math.min(this.map.getZoom() + 2, 18)));
    return m;
  }

  /** A lone venue's marker, with its popup, as main.js makes them. */
  venue([lon, lat, , status, id, name, providerName, url]) {
    const st = this.data.statuses[status] ?? this.data.statuses[0];
    const label = `${name}, ${providerName} (${st.label})`;
    if (!this.icons.has(st.id)) this.icons.set(st.id, this.L.divIcon({ className: `venue-marker status-${st.id}`, html: '<span></span>', iconSize: [MARKER_SIZE, MARKER_SIZE] }));
    const m = this.L.marker([lat, lon], { icon: this.icons.get(st.id), keyboard: true, title: label, alt: label });
    /** @type {HTMLElement|undefined} */
    let content;
    m.bindPopup(() => (content ??= popupContent({ id, name }, { name: providerName, url }, st, () => m.isPopupOpen() && m.getPopup().update())),
      { maxWidth: 300, autoPanPadding: [8, 8] });
    m.on('add', () => m.getElement()?.setAttribute('aria-label', label));
    return m;
  }

  /** Takes this view off the map: the full markers are drawn. */
  remove() {
    this.map.off('zoomend', this.redraw);
    this.layer.remove();
    delete this.el.dataset.first;
    delete this.el.dataset.firstZoom;
  }
}
