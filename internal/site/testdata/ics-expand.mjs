// Reads an iCalendar file on standard input with ical.js (a real
// iCalendar parser, as calendar apps use) and prints, for each event, its
// UID, duration in minutes and the start of every occurrence in UTC.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const root = new ICAL.Component(ICAL.parse(readFileSync(0, 'utf8')));
for (const tz of root.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(new ICAL.Timezone(tz));
}
const out = root.getAllSubcomponents('vevent').map((vevent) => {
  const ev = new ICAL.Event(vevent);
  const starts = [];
  const it = ev.iterator();
  for (let next = it.next(); next && starts.length < 200; next = it.next()) {
    starts.push(next.toJSDate().toISOString());
  }
  return { uid: ev.uid, zone: ev.startDate.zone.tzid, minutes: ev.duration.toSeconds() / 60, starts };
});
process.stdout.write(JSON.stringify(out));
