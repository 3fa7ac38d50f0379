// The next session of each programme schedule on a profile, worked out
// from the pattern the page carries in data- attributes, in the site's
// time zone. Without JavaScript the page shows the pattern alone.

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const DAY_MS = 86400000;
const HORIZON = 400; // days to look ahead

// parseDate reads YYYY-MM-DD as a UTC midnight in milliseconds, or null.
const parseDate = (s) => (s ? Date.parse(s + 'T00:00:00Z') : null);

const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// clock is the date (UTC midnight, ms) and minutes after midnight of a
// moment in a time zone.
export function clock(moment, timeZone) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(moment).map((x) => [x.type, x.value]));
  return { day: Date.UTC(+p.year, +p.month - 1, +p.day), minutes: +p.hour * 60 + +p.minute };
}

// matches reports whether a session of s falls on day (UTC midnight, ms).
function matches(s, day) {
  const d = new Date(day);
  if (!s.days.includes(DAYS[d.getUTCDay()])) return false;
  if ((s.from !== null && day < s.from) || (s.until !== null && day > s.until)) return false;
  if (s.every === 'fortnight') {
    if (s.from === null) return false;
    const monday = (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
    return Math.round((monday(day) - monday(s.from)) / DAY_MS / 7) % 2 === 0;
  }
  if (s.every === 'month') {
    const date = d.getUTCDate();
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    return s.nth.some((n) => (n === -1 ? date + 7 > last : Math.ceil(date / 7) === n));
  }
  return true;
}

// nextSession is the day (UTC midnight, ms) of the next session of s that
// has not ended at now ({day, minutes} in the site's zone), or null.
export function nextSession(s, now) {
  for (let i = 0; i < HORIZON; i++) {
    const day = now.day + i * DAY_MS;
    if (i === 0 && now.minutes >= minutes(s.end)) continue;
    if (matches(s, day)) return day;
  }
  return null;
}

// fromElement reads a schedule from its data- attributes.
export function fromElement(el) {
  const d = el.dataset;
  return {
    days: d.days.split(','), start: d.start, end: d.end, every: d.every,
    nth: d.nth ? d.nth.split(',').map(Number) : [], from: parseDate(d.from), until: parseDate(d.until),
  };
}

// dateText writes a day the British way: Wednesday 13 January 2027.
export function dateText(day) {
  const d = new Date(day);
  const name = DAYS[d.getUTCDay()];
  return `${name[0].toUpperCase()}${name.slice(1)} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function show() {
  for (const section of document.querySelectorAll('[data-timezone]')) {
    const now = clock(new Date(), section.dataset.timezone);
    for (const el of section.querySelectorAll('[data-schedule]')) {
      const out = el.querySelector('[data-next-session]');
      const s = fromElement(el);
      if (!out || (s.every === 'fortnight' && s.from === null)) continue;
      const day = nextSession(s, now);
      if (day === null) {
        out.textContent = '. No sessions are listed after today.';
        continue;
      }
      const time = document.createElement('time');
      time.dateTime = new Date(day).toISOString().slice(0, 10);
      time.textContent = dateText(day);
      out.replaceChildren('. Next session: ', time);
    }
  }
}

show();
