// Match: finds the index terms a query word matches exactly, as a prefix
// ("parkin" -> "parkinsons") or with a typo ("demensia" -> "dementia").

/** How many edits a word of this length may carry and still match. */
export function allowedEdits(word) {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/**
 * Damerau-Levenshtein distance between a and b, or limit + 1 as soon as it
 * must exceed limit.
 */
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2 = null;
  let prev = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array(b.length + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** At most this many terms a word is the start of match it as a prefix. */
export const MAX_PREFIX = 200;

/**
 * Every term the word matches, with a quality between 0 and 1.
 * @param {string[]} following the index's terms from word on, in order
 *   (at least MAX_PREFIX of them, unless the index ends sooner)
 * @param {Iterable<string>} candidates every term a typo of word could be
 *   (all terms of nearby lengths)
 * @param {string} word a query token
 * @returns {{term: string, quality: number}[]}
 */
export function matchTerms(following, candidates, word) {
  const found = new Map();
  if (following[0] === word) found.set(word, 1);
  if (word.length >= 2) {
    for (let j = 0; j < following.length && j < MAX_PREFIX && following[j].startsWith(word); j++) {
      if (!found.has(following[j])) found.set(following[j], 0.55 + 0.3 * (word.length / following[j].length));
    }
  }
  const limit = allowedEdits(word);
  if (limit > 0) {
    for (const t of candidates) {
      if (found.has(t) || Math.abs(t.length - word.length) > limit) continue;
      const d = editDistance(word, t, limit);
      if (d <= limit) found.set(t, d === 1 ? 0.35 : 0.25);
    }
  }
  return [...found].map(([term, quality]) => ({ term, quality }));
}
