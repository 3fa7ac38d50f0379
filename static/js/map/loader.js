// Loader: brings in the map library's style sheets and scripts only when
// the map starts, after the page has painted, so that the heading, the
// text and the tables never wait for them; and gives the main thread back
// between pieces of work, so that no piece blocks input for long.

const loaded = new Map();

/**
 * Adds a style sheet once; resolves when it has loaded.
 * @param {string} href
 * @returns {Promise<void>}
 */
export function loadStyle(href) {
  return once(href, () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    return link;
  });
}

/**
 * Adds a classic script once; resolves when it has run. Scripts asked for
 * together run in the order asked (async = false).
 * @param {string} src
 * @returns {Promise<void>}
 */
export function loadScript(src) {
  return once(src, () => {
    const script = document.createElement('script');
    script.src = src;
    script.async = false;
    return script;
  });
}

/**
 * @param {string} url
 * @param {() => HTMLElement} make the element that loads url
 * @returns {Promise<void>}
 */
function once(url, make) {
  if (!loaded.has(url)) {
    loaded.set(url, new Promise((resolve, reject) => {
      const el = make();
      el.addEventListener('load', () => resolve(), { once: true });
      el.addEventListener('error', () => reject(new Error(`could not load ${url}`)), { once: true });
      document.head.append(el);
    }));
  }
  return /** @type {Promise<void>} */ (loaded.get(url));
}

/** Resolves once the page has loaded and a frame has been painted since. */
export function afterFirstPaint() {
  const loadedPage = document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  return loadedPage.then(afterFrame);
}

/**
 * Resolves in a task after the browser's next rendering of the page, or
 * after 200 ms in a tab that renders nothing (hidden, in the background).
 */
export function afterFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  });
}

/** Gives the main thread back to the browser (input, rendering) for a moment. */
export function yieldToMain() {
  const s = /** @type {any} */ (globalThis).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Maps items through fn in slices of about budget milliseconds, yielding
 * between slices.
 * @template T, U
 * @param {T[]} items
 * @param {(item: T) => U} fn
 * @param {number} [budget]
 * @returns {Promise<U[]>}
 */
export async function mapInSlices(items, fn, budget = 8) {
  const out = new Array(items.length);
  let start = performance.now();
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]);
    if (performance.now() - start > budget) {
      await yieldToMain();
      start = performance.now();
    }
  }
  return out;
}
