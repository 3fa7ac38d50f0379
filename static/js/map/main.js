// The map page: every venue as a marker whose colour and shape show its
// status, clustered when crowded; areas served; an energy layer of
// activity density; district outlines; a time control (a year slider
// with play and pause) that filters markers, clusters, the energy layer
// and the town table together; the directory's filters and URL
// parameters; and a list of the venues in view for keyboard and screen
// reader users. Without Leaflet the drawn map and tables stay.
//
// The page paints first: Leaflet's style sheets and scripts are asked for
// only after the load event and a painted frame (loader.js), the heat
// plugin only when the energy layer is turned on, and markers are made in
// slices that give the main thread back in between. An address with no
// filters draws the clusters made at build time first (first.js), and
// asks for the full data only once they are drawn.

import { loadIndex } from '../directory/index.js';
import { runQuery } from '../directory/query.js';
import { applyFacets } from '../directory/facets.js';
import { parseState, formatState, filterKeys } from '../directory/state.js';
import { readControls, writeControls, writeCounts } from '../directory/controls.js';
import { popupContent } from './popup.js';
import { yearRange, runsIn, energy, venueStatus } from './timeline.js';
import { loadStyle, loadScript, afterFirstPaint, afterFrame, yieldToMain, mapInSlices } from './loader.js';
import { clusterGroup, MARKER_SIZE } from './cluster.js';
import { Postcodes } from '../postcode.js';
import { TimeControl } from './timecontrol.js';
import { shadeGaps } from './gaps.js';
import { fillTownTable } from './towns.js';
import { listInView } from './inview.js';
import { FirstView } from './first.js';
import { showPostcode } from './near.js';

/** @type {any} */
let L;

function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Loads Leaflet and the cluster plugin named by the map's data attributes,
 * style sheets and scripts in parallel, scripts run in order.
 * @param {HTMLElement} el the map element
 */
async function loadLeaflet(el) {
  const d = el.dataset;
  await Promise.all([
    loadStyle(d.leafletCss), loadStyle(d.clusterCss),
    loadScript(d.leafletJs), loadScript(d.clusterJs),
  ]);
  L = /** @type {any} */ (window).L;
  if (!L?.markerClusterGroup) throw new Error('Leaflet did not load');
}

async function start() {
  const el = document.getElementById('map');
  const form = /** @type {HTMLFormElement|null} */ (document.getElementById('map-filters'));
  if (!el || !form || !el.dataset.leafletJs) return;
  // A shared link with a search needs the index's words too: fetched at
  // once, with the rest of the data, not after the map library.
  const q = new URLSearchParams(location.search).get('q');
  const words = q
    ? (/** @type {any} */ ix) => ix.loadText(q).then(() => ix)
    : (/** @type {any} */ ix) => ix;
  const full = () => Promise.all([
    loadIndex(form.dataset.facets, form.dataset.terms, true).then(words),
    fetch(el.dataset.venues, { credentials: 'same-origin' }).then((r) => r.json()),
  ]);
  // The clusters made at build time are of every venue: used only when
  // the address asks for no filter, year or layer.
  const clusters = !location.search && el.dataset.clusters
    ? fetch(el.dataset.clusters, { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)).catch(() => null)
    : null;
  let data = clusters ? null : full();
  await afterFirstPaint();
  const [first] = await Promise.all([clusters, loadLeaflet(el)]);
  const view = first?.zooms?.length ? await firstView(el, form, first) : null;
  data ??= full();
  const [index, venues] = await data;
  await yieldToMain();
  await new MapView(el, form, index, venues, view).setup();
}

/** Leaflet map options: no animation for readers who prefer reduced motion. */
function mapOptions() {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduced ? { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false } : {};
}

/** Adds the tile layer named by the map element's data attributes. */
function addTiles(el, map) {
  L.tileLayer(el.dataset.tiles, { attribution: escapeHTML(el.dataset.attribution || ''), maxZoom: 18 }).addTo(map);
}

/**
 * Shows the map and draws the build's clusters for its first view; the
 * filters wait (inert) for the full data.
 */
async function firstView(el, form, clusters) {
  reveal();
  form.inert = true;
  await afterFrame();
  const view = new FirstView(L, el, clusters, mapOptions(), (map) => addTiles(el, map));
  view.draw();
  await afterFrame();
  return view;
}

/** Shows the interactive map, its filters and list in place of the drawn map. */
function reveal() {
  for (const e of document.querySelectorAll('[data-js-only]')) e.hidden = false;
  document.documentElement.classList.add('js-map');
}

class MapView {
  /** first: the FirstView drawn, whose map this takes over, or null. */
  constructor(el, form, index, data, first) {
    this.el = el;
    this.first = first;
    this.form = form;
    this.index = index;
    this.providers = data.providers.map(([name, since, status], doc) => ({
      name, since, status, url: `/providers/${index.slugs[doc]}/`,
    }));
    this.venues = data.venues.map(([lon, lat, doc, id, name, spans, town]) => ({ lon, lat, doc, id, name, spans, town }));
    this.districts = data.districts || [];
    this.areas = data.areas.map(([doc, polygons, spans]) => ({ doc, polygons, spans }));
    this.statuses = data.statuses;
    this.inView = document.getElementById('in-view-list');
    this.inViewCount = document.getElementById('in-view-count');
    this.postcodes = form.dataset.postcodes ? new Postcodes(form.dataset.postcodes) : null;
    this.origin = null; // the postcode typed, once found
  }

  /**
   * Makes the markers, shows the map at the venues the filters leave, then
   * draws them: a step at a time, giving the main thread back in between.
   */
  async setup() {
    this.icons = new Map();
    this.markers = await mapInSlices(this.venues, (v) => this.marker(v));
    this.time = new TimeControl(this.form, yearRange(this.venues, this.providers.map((p) => [p.name, p.since]), new Date().getFullYear()),
      () => this.changed(), matchMedia('(prefers-reduced-motion: reduce)').matches);
    this.state = parseState(location.search, filterKeys(this.index));
    writeControls(this.form, this.state);
    this.readExtras(new URLSearchParams(location.search));
    const selection = this.select();
    if (this.first) {
      this.map = this.first.map;
      this.form.inert = false;
    } else {
      reveal();
      // Let the browser lay out the revealed controls in its own frame, so
      // that Leaflet's first measure of the map does not force that layout.
      await afterFrame();
      this.map = L.map(this.el, { keyboard: true, ...mapOptions() });
      this.initialView(selection.visible);
      await yieldToMain();
      addTiles(this.el, this.map);
    }
    // Leaflet draws the areas served into an <svg> in this pane when the
    // first one is shown. They picture, with nothing to press, what the
    // list beside the map says in words: hidden from assistive technology
    // rather than an unnamed graphic.
    this.map.getPanes().overlayPane.setAttribute('aria-hidden', 'true');
    await yieldToMain();
    const many = this.venues.length > 3000;
    // Markers are clustered in 12 ms chunks, 1 ms apart: frames stay short,
    // and the default 50 ms between chunks would make a large map's own
    // markers take five times as long to replace the first view.
    this.cluster = clusterGroup(L, {
      showCoverageOnHover: false, maxClusterRadius: many ? 60 : 0, chunkedLoading: true, chunkInterval: 12, chunkDelay: 1, animate: !many && !this.time.reduced,
      chunkProgress: (done, total) => {
        if (done === total) this.drawn(total);
      },
    }, this.statuses).addTo(this.map);
    this.gapLayer = L.layerGroup().addTo(this.map);
    for (const [, polygons] of this.districts) {
      L.polygon(polygons, { color: '#505a5f', weight: 2, dashArray: '6 4', fill: false, interactive: false }).addTo(this.map);
    }
    this.areaLayer = L.layerGroup().addTo(this.map);
    await this.render(yieldToMain, selection);
    this.form.addEventListener('change', () => this.changed());
    this.time.bind();
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.changed(); });
    this.map.on('moveend', () => this.listInView());
    this.el.addEventListener('keydown', (e) => this.escape(e));
    window.addEventListener('popstate', () => this.fromURL());
    document.documentElement.dataset.map = 'ready';
    performance.mark('map-ready');
  }

  /** Notes that the markers are drawn, taking the first view off the map. */
  drawn(total) {
    this.first?.remove();
    this.first = null;
    this.el.dataset.drawn = String(total);
    performance.mark('markers-drawn');
  }

  /**
   * Fits the first view to the venues shown, before anything is drawn, so
   * that tiles and clusters are made once, for that view.
   */
  initialView(visible) {
    if (visible.length) {
      const b = L.latLngBounds(visible.map((m) => m.getLatLng()));
      this.map.fitBounds(b.pad(0.1), { maxZoom: 13, animate: false });
      return;
    }
    const [lon, lat] = (this.el.dataset.center || '0,0').split(',').map(Number);
    this.map.setView([lat, lon], Number(this.el.dataset.zoom) || 9, { animate: false });
  }

  marker(v) {
    const p = this.providers[v.doc];
    const st = venueStatus(v, p.status, this.statuses);
    const label = `${v.name}, ${p.name} (${st.label})`;
    if (!this.icons.has(st.id)) this.icons.set(st.id, L.divIcon({ className: `venue-marker status-${st.id}`, html: '<span></span>', iconSize: [MARKER_SIZE, MARKER_SIZE] }));
    const icon = this.icons.get(st.id);
    const m = L.marker([v.lat, v.lon], { icon, keyboard: true, title: label, alt: label });
    // Made once, the first time it opens: laying the popup out again (when
    // its details are in, or the map is narrow) reuses it.
    /** @type {HTMLElement|undefined} */
    let content;
    m.bindPopup(() => (content ??= popupContent(v, p, st, () => m.isPopupOpen() && m.getPopup().update())),
      { maxWidth: 300, autoPanPadding: [8, 8] });
    m.on('add', () => m.getElement()?.setAttribute('aria-label', label));
    m.on('popupopen', () => {
      this.opened = m;
      this.fitPopup(m.getPopup());
    });
    m.on('popupclose', () => {
      // Closed by its button, which has gone: focus goes back to the marker.
      if (!document.activeElement || document.activeElement === document.body) m.getElement()?.focus();
    });
    m.venue = v;
    m.status = st;
    m.label = label;
    return m;
  }

  /**
   * Makes a popup fit inside the map on a narrow screen (360 px and less):
   * no wider than the map, and scrolling when taller than it.
   */
  fitPopup(popup) {
    const width = Math.max(160, Math.min(300, this.el.clientWidth - 64));
    const height = Math.max(160, this.el.clientHeight - 96);
    if (popup.options.maxWidth === width && popup.options.maxHeight === height) return;
    popup.options.maxWidth = width;
    popup.options.maxHeight = height;
    popup.update();
  }

  // Escape closes an open popup from anywhere in the map, and focus goes
  // back to its marker. (Leaflet's own handler hears keys only while the
  // map itself has focus, not a marker or the popup.)
  escape(e) {
    if (e.key !== 'Escape' || e.target === this.el || !this.opened?.isPopupOpen()) return;
    const m = this.opened;
    m.closePopup();
    m.getElement()?.focus();
    e.preventDefault();
  }

  readExtras(params) {
    this.time.read(params);
    this.form.elements.namedItem('layer').checked = params.get('layer') === 'energy';
    this.form.elements.namedItem('gaps').checked = params.get('gaps') === '1';
  }

  extras() {
    const p = new URLSearchParams();
    const year = this.time.year();
    if (this.form.elements.namedItem('layer').checked) p.set('layer', 'energy');
    if (this.form.elements.namedItem('gaps').checked) p.set('gaps', '1');
    if (year !== null) p.set('year', String(year));
    return p.toString();
  }

  url() {
    const base = formatState(this.state);
    const extra = this.extras();
    if (!extra) return base;
    return base ? `${base}&${extra}` : `?${extra}`;
  }

  async changed() {
    this.state = readControls(this.form, this.state);
    history.replaceState(history.state, '', location.pathname + this.url());
    if (this.state.q) await this.index.loadText(this.state.q);
    await this.render();
  }

  fromURL() {
    this.state = parseState(location.search, filterKeys(this.index));
    writeControls(this.form, this.state);
    this.readExtras(new URLSearchParams(location.search));
    void this.render();
  }

  /** The facet counts, year and markers that the filters leave. */
  select() {
    const q = runQuery(this.index, this.state.q);
    const { docs, counts } = applyFacets(this.index, q.docs, this.state.filters, this.state.age);
    const year = this.time.year();
    const visible = this.markers.filter((m) => docs.has(m.venue.doc) &&
      (year === null || energy(m.venue, this.providers[m.venue.doc].since, year, this.statuses) > 0));
    return { docs, counts, year, visible };
  }

  /**
   * Draws what the filters leave: markers, areas, the energy layer, links
   * and the list in view. pause runs between those parts; the first
   * drawing gives the main thread back there.
   * @param {() => unknown} [pause]
   * @param {ReturnType<MapView['select']>} [selection] what select() gives, when already made
   */
  async render(pause = () => undefined, selection = this.select()) {
    const { docs, counts, year, visible } = selection;
    writeCounts(this.form, counts);
    this.cluster.clearLayers();
    this.el.dataset.drawn = '';
    this.cluster.addLayers(visible);
    if (visible.length === 0) this.drawn(0);
    this.visible = visible;
    this.byLabel = null; // sorted again when first listed (inview.js)
    this.el.dataset.markers = String(visible.length);
    await pause();
    this.drawAreas(docs, year);
    this.drawGaps();
    this.drawTowns(visible);
    this.drawEnergy(visible, year).catch((err) => console.warn('The energy layer could not be drawn.', err));
    const link = document.getElementById('to-directory');
    if (link) link.setAttribute('href', `/providers/${formatState(this.state)}`);
    // An embed's link to the full page keeps the filters too.
    for (const a of document.querySelectorAll('a[data-keep-filters]')) a.setAttribute('href', a.dataset.keepFilters + this.url());
    await pause();
    this.listInView();
    await this.showPostcode();
  }

  /** Shows the postcode typed for "near" (near.js). */
  showPostcode() {
    return showPostcode(this);
  }

  drawAreas(docs, year) {
    this.areaLayer.clearLayers();
    for (const a of this.areas) {
      if (!docs.has(a.doc)) continue;
      const since = this.providers[a.doc].since;
      if (year !== null && a.spans.length && !a.spans.some((s) => runsIn(s, since, year, this.statuses))) continue;
      this.areaLayer.addLayer(L.polygon(a.polygons, { color: '#1d5c4b', weight: 1, fillOpacity: 0.12, interactive: false }));
    }
  }

  /**
   * The Gaps view: shades each district where nothing runs for the
   * conditions chosen (every condition when none is), darker with more
   * gaps; the list of gaps below the map says the same in words.
   */
  drawGaps() {
    const on = this.form.elements.namedItem('gaps').checked;
    const shaded = shadeGaps(L, this.gapLayer, on ? this.districts : [], this.state.filters.get('pathway'));
    this.el.dataset.gaps = on ? String(shaded) : 'off';
  }

  /** Fills the town table with the venues drawn, as the build fills it with all. */
  drawTowns(visible) {
    const rows = fillTownTable(document.getElementById('town-rows'), visible);
    if (rows !== null) this.el.dataset.towns = String(rows);
  }

  /** Draws the energy layer when it is on, loading the heat plugin the first time. */
  async drawEnergy(visible, year) {
    const turn = this.energyTurn = (this.energyTurn || 0) + 1;
    if (this.heat) this.map.removeLayer(this.heat);
    this.heat = null;
    this.el.dataset.energy = 'off';
    if (!this.form.elements.namedItem('layer').checked) return;
    if (!L.heatLayer) await loadScript(this.el.dataset.heatJs);
    if (turn !== this.energyTurn || !L.heatLayer) return;
    const points = visible.map((m) => [m.venue.lat, m.venue.lon, energy(m.venue, this.providers[m.venue.doc].since, year, this.statuses)]);
    const max = Math.max(1, ...points.map((p) => p[2]));
    this.heat = L.heatLayer(points, { radius: 35, blur: 25, max, maxZoom: 12 }).addTo(this.map);
    this.el.dataset.energy = String(points.length);
  }

  listInView() {
    listInView(this);
  }
}

start().catch((err) => {
  document.documentElement.dataset.map = 'failed';
  console.warn('The interactive map could not start; the drawn map and table still work.', err);
});
