// Gaps: the map's Gaps view, which shades each district where nothing
// runs for the conditions chosen (every condition when none is), darker
// with more gaps. The list of gaps below the map says the same in words.

/**
 * Shades into layer the districts with gaps, after clearing it.
 * @param {any} L Leaflet
 * @param {any} layer a layer group
 * @param {any[]} districts the map data's [label, polygons, id, gap pathway ids]; none when the view is off
 * @param {Set<string>|undefined} chosen the pathways chosen in the filters
 * @returns {number} how many districts are shaded
 */
export function shadeGaps(L, layer, districts, chosen) {
  layer.clearLayers();
  const counts = districts.map(([, , , gaps]) => (gaps || []).filter((p) => !chosen?.size || chosen.has(p)).length);
  const most = Math.max(1, ...counts);
  let shaded = 0;
  districts.forEach(([, polygons], i) => {
    if (!counts[i]) return;
    shaded++;
    layer.addLayer(L.polygon(polygons, { stroke: false, fillColor: '#b3261e', fillOpacity: 0.15 + 0.4 * (counts[i] / most), interactive: false }));
  });
  return shaded;
}
