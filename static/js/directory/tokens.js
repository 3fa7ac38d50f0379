// Tokens: the same normalisation as internal/search/tokens.go, so that a
// query matches the terms the Go build indexed.

const STOP = new Set(('a an and are as at be by for from has have in is it its of on or our that the their ' +
  'this to was we were which who with you your can all also but not they them').split(' '));

/**
 * Splits text into search terms: lower-case ASCII letters and digits,
 * accents removed, apostrophes dropped, stop words and single letters out.
 * @param {string} text
 * @returns {string[]}
 */
export function tokens(text) {
  const clean = text.normalize('NFKD').replace(/\p{Mn}/gu, '').replace(/['’]/g, '').toLowerCase();
  return clean.split(/[^a-z0-9]+/).filter((t) => t.length > 1 && !STOP.has(t));
}
