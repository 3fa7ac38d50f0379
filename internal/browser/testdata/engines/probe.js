// Injected by BenchmarkSearchEngines into every page before the page's own
// scripts. It times each keystroke in the search box (#q) from the key
// event to the first paint after the engine has shown its results, and
// keeps the records in window.__bench.shown.
//
// An engine calls __bench.done(query, count) once it has updated the
// results. artsmap's directory, which cannot be changed for the benchmark,
// renders synchronously in its form's input listener: the window listener
// below runs after it, and reads its performance marks.
(() => {
  const B = (window.__bench = { t0: 0, shown: [], waiters: [] });
  addEventListener('keypress', (e) => { if (e.target && e.target.id === 'q') B.t0 = e.timeStamp; }, true);

  B.done = (q, count, phases) => {
    const js = performance.now();
    const t0 = B.t0;
    // Style and layout, which the next frame would do anyway, forced now
    // to be timed apart from the wait for the frame and its paint.
    void document.body.offsetHeight;
    const layout = performance.now();
    requestAnimationFrame(() => {
      // A task posted from an animation frame callback runs after that
      // frame's style, layout and paint.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        const rec = { q, count, t0, js, layout, paint: performance.now(), phases: phases || null };
        B.shown.push(rec);
        B.waiters = B.waiters.filter((w) => !w(rec));
      };
      ch.port2.postMessage(0);
    });
  };

  // Resolves with the first record at or after index from whose query is q.
  B.wait = (from, q) => new Promise((resolve, reject) => {
    const hit = B.shown.slice(from).find((r) => r.q === q);
    if (hit) return resolve(hit);
    const timer = setTimeout(() => reject(new Error(`no results shown for ${JSON.stringify(q)}`)), 20000);
    B.waiters.push((r) => (r.q === q ? (clearTimeout(timer), resolve(r), true) : false));
  });

  addEventListener('input', (e) => {
    if (!e.target || e.target.id !== 'q' || document.documentElement.dataset.directory !== 'ready') return;
    const at = (name) => { const m = performance.getEntriesByName(name).at(-1); return m ? m.startTime : 0; };
    const start = at('directory-render-start');
    const render = performance.getEntriesByName('directory-render').at(-1);
    const phases = {
      start,
      query: at('directory-query') - start,
      facets: at('directory-facets') - at('directory-query'),
      order: at('directory-order') - at('directory-facets'),
      show: at('directory-show') - at('directory-order'),
      render: render ? render.duration : 0,
    };
    const m = /\d+/.exec(document.getElementById('result-count')?.textContent || '');
    B.done(e.target.value, m ? Number(m[0]) : -1, phases);
  });
})();
