// Re-checks the page against today's date. The site is built on one day and
// read on later ones, so the build writes the dates it judged by into the
// page (data-* attributes with ISO dates) and this module judges them again:
//
//   [data-stale-from="2025-01-16"]   a profile's "last checked over a year
//                                    ago" notice or card mark: shown from
//                                    that day (the reader's own date).
//   [data-over-at="…T…Z"]            an event's "took place" note
//                                    (data-when-over="show") or booking link
//                                    (data-when-over="remove"): changed once
//                                    that moment has passed.
//   li[data-event-over-at]           an event in a list of upcoming events
//                                    (ul[data-events="upcoming"]): moved to
//                                    the page's past events, or dropped
//                                    where the page has none.
//
// Cards the directory's script adds later are checked as they arrive.
// The build already did all of this for its own date, so without this
// script the page is as true as on the day it was built.

/** Today's date in the reader's time zone, as YYYY-MM-DD. */
function today(now) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function over(value, now) {
  const at = Date.parse(value);
  return !Number.isNaN(at) && at < now.getTime();
}

/** Shows each stale notice in root (an element or the document) whose day has come. */
function markStale(root, now) {
  const day = today(now);
  const found = [...root.querySelectorAll('[data-stale-from]')];
  if (root.matches?.('[data-stale-from]')) found.push(root);
  for (const el of found) {
    if (el.dataset.staleFrom <= day) el.hidden = false;
  }
}

function markOver(doc, now) {
  for (const el of doc.querySelectorAll('[data-over-at]')) {
    if (!over(el.dataset.overAt, now)) continue;
    if (el.dataset.whenOver === 'show') el.hidden = false;
    else if (el.dataset.whenOver === 'remove') el.remove();
  }
}

function moveOver(doc, now) {
  const past = doc.querySelector('ul[data-events="past"]');
  for (const list of doc.querySelectorAll('ul[data-events="upcoming"]')) {
    const gone = [...list.querySelectorAll(':scope > li[data-event-over-at]')]
      .filter((li) => over(li.dataset.eventOverAt, now));
    if (gone.length === 0) continue;
    if (past) {
      // Past events are listed most recent first, so each one that ended
      // goes to the top, the latest last.
      for (const li of gone) past.prepend(li);
      const section = past.closest('section');
      if (section) section.hidden = false;
    } else {
      for (const li of gone) li.remove();
    }
    if (list.children.length === 0) emptied(list);
  }
}

function emptied(list) {
  list.hidden = true;
  const none = list.parentElement?.querySelector('[data-events-none]');
  if (none) none.hidden = false;
  else if (list.closest('section')) list.closest('section').hidden = true;
}

const now = new Date();
markStale(document, now);
markOver(document, now);
moveOver(document, now);
// The directory's script adds cards after the page has loaded (from
// /providers/cards-<k>.html when it has more than one page): check those too.
new MutationObserver((changes) => {
  for (const change of changes) {
    for (const node of change.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) markStale(node, now);
    }
  }
}).observe(document.body, { childList: true, subtree: true });
