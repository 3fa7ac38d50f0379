// Bitset: a fixed-size set of document numbers, for fast filter algebra.

export class Bitset {
  /** @param {number} size */
  constructor(size) {
    this.size = size;
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  static full(size) {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    const extra = b.words.length * 32 - size;
    if (extra > 0) b.words[b.words.length - 1] >>>= extra;
    return b;
  }

  add(i) { this.words[i >>> 5] |= 1 << (i & 31); }

  has(i) { return (this.words[i >>> 5] & (1 << (i & 31))) !== 0; }

  /** In place: this = this AND other. */
  and(other) {
    for (let i = 0; i < this.words.length; i++) this.words[i] &= other.words[i];
    return this;
  }

  /** In place: this = this OR other. */
  or(other) {
    for (let i = 0; i < this.words.length; i++) this.words[i] |= other.words[i];
    return this;
  }

  /** The members in increasing order. */
  members() {
    const out = [];
    for (let i = 0; i < this.words.length; i++) {
      for (let w = this.words[i]; w !== 0; w &= w - 1) out.push(i * 32 + 31 - Math.clz32(w & -w));
    }
    return out;
  }

  copy() {
    const b = new Bitset(this.size);
    b.words.set(this.words);
    return b;
  }

  count() {
    let n = 0;
    for (let w of this.words) {
      w -= (w >>> 1) & 0x55555555;
      w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
      n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }

  /** Counts the members shared with other, without allocating. */
  countAnd(other) {
    let n = 0;
    for (let i = 0; i < this.words.length; i++) {
      let w = this.words[i] & other.words[i];
      w -= (w >>> 1) & 0x55555555;
      w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
      n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }
}
