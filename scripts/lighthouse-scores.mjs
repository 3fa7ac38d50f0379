// Prints one row of scores from a Lighthouse JSON report, with the audits
// that cost points, and exits 1 when a score is under its threshold:
// performance 95, accessibility 100, best practices 95.
//   node scripts/lighthouse-scores.mjs PAGE REPORT.json
import { readFileSync } from 'node:fs';

const [page, file] = process.argv.slice(2);
const lhr = JSON.parse(readFileSync(file, 'utf8'));
const min = { performance: 95, accessibility: 100, 'best-practices': 95 };
const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const row = Object.keys(min).map((id) => String(score(id)).padStart(id === 'performance' ? 11 : id === 'accessibility' ? 13 : 14));
console.log(`${page.padEnd(22)} ${row.join(' ')}`);

let ok = true;
for (const [id, threshold] of Object.entries(min)) {
  if (score(id) >= threshold) continue;
  ok = false;
  console.log(`  ${id} ${score(id)} < ${threshold}; audits that cost points:`);
  for (const ref of lhr.categories[id].auditRefs) {
    const a = lhr.audits[ref.id];
    if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`    ${a.id}: ${a.score} ${a.displayValue ?? ''}`);
  }
}
const m = (id) => lhr.audits[id]?.displayValue ?? '?';
console.log(`  (LCP ${m('largest-contentful-paint')}, FCP ${m('first-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}; Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor})`);
process.exit(ok ? 0 : 1);
