// Live preview: reloads the page when the site is rebuilt, and shows the
// content problems over the page when it could not be, built with DOM
// methods only so that no message is read as HTML.

const events = new EventSource('/_artsmap/events');
let overlay = null;

events.addEventListener('reload', () => location.reload());

events.addEventListener('problems', (e) => {
  const problems = JSON.parse(e.data);
  overlay?.remove();
  overlay = document.createElement('div');
  overlay.setAttribute('role', 'alert');
  overlay.id = 'artsmap-problems';
  overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;background:#fff;'
    + 'color:#1b1b1b;border-top:6px solid #d4351c;padding:1rem 1.5rem;z-index:10000;font:16px/1.5 system-ui,sans-serif';
  const h = document.createElement('h2');
  h.textContent = `The site was not rebuilt: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to fix`;
  const p = document.createElement('p');
  p.textContent = 'This page shows the last good version. Fix the files below and save; the page reloads by itself.';
  const list = document.createElement('ul');
  for (const pr of problems) {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = `${pr.path}:${pr.line || 1}:${pr.col || 1}`;
    li.append(code, ` ${pr.message}${pr.hint ? ` (${pr.hint})` : ''}`);
    list.append(li);
  }
  overlay.append(h, p, list);
  document.body.append(overlay);
});
