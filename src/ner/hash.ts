// Integer hashing for features: FNV-1a over char codes and a multiplicative mix for combining hashes, so the
// hot loop never builds a feature string. Training and tagging share these functions, so they must not change
// without retraining (the model stores FEATURE_VERSION).

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a step with one more code unit. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/**
 * Combines a template id with two hashes (murmur3-style rounds; the last shift brings high bits down, since the
 * model's table indexes by the low bits). Always three arguments: no default-parameter adaptor in the hot loop.
 * The 32 bits come back as an int32, which a Uint32Array stores as the same bits: where V8 does not inline the
 * call, an int32 stays a small integer and an unsigned value above 2^31 would be boxed as a heap number.
 */
export function mix(template: number, a: number, b: number): number {
  let h = Math.imul(a ^ template, 0xcc9e2d51);
  h ^= h >>> 15;
  h = Math.imul(h ^ b, 0x1b873593);
  h ^= h >>> 13;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 16);
}

/**
 * A fixed set of 32-bit hashes, for the short word lists the tagger asks about per token. Open addressing at most
 * an eighth full, so that most absent words stop at an empty slot on the first probe; a Set of numbers would keep
 * every hash above 2^30 as a heap number and hash it as a double on each look-up.
 */
export class HashSet {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** 0 marks an empty slot, so a hash of 0 is kept apart. */
  private readonly zero: boolean;

  constructor(hashes: Iterable<number>) {
    const list = [...hashes].map((h) => h | 0);
    let cap = 16;
    while (cap < list.length * 8) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.zero = list.includes(0);
    for (const h of list) {
      if (h === 0) continue;
      let s = h & this.mask;
      while (this.slots[s] !== 0 && this.slots[s] !== h) s = (s + 1) & this.mask;
      this.slots[s] = h;
    }
  }

  has(hash: number): boolean {
    const h = hash | 0;
    if (h === 0) return this.zero;
    const { slots, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = slots[s]!;
      if (v === h) return true;
      if (v === 0) return false;
    }
  }
}
