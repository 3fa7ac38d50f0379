// Towns: the table of venues by town and status under the map, filled
// again with the venues drawn, as the build fills it with all of them.

import { townCounts } from './timeline.js';

/**
 * Fills the town table's body with the markers drawn.
 * @param {HTMLElement|null} body the table's tbody (#town-rows)
 * @param {any[]} visible the markers drawn, each with its place's town and its status
 * @returns {number|null} the number of rows, or null without the table
 */
export function fillTownTable(body, visible) {
  if (!body) return null;
  const statuses = [...document.querySelectorAll('#town-table th[data-status]')].map((th) => /** @type {HTMLElement} */ (th).dataset.status);
  const rows = townCounts(visible.map((m) => ({ town: m.venue.town, status: m.status.id }))).map((t) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t.name;
    tr.append(th, ...[t.venues, ...statuses.map((s) => t.byStatus[s] || 0)].map((n) => {
      const td = document.createElement('td');
      td.textContent = String(n);
      return td;
    }));
    return tr;
  });
  body.replaceChildren(...rows);
  return rows.length;
}
