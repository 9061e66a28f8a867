// Integer hashing for features: FNV-1a over char codes and a multiplicative mix for combining hashes, so the
// hot loop never builds a feature string. Training and tagging share these functions, so they must not change
// without retraining (the model stores FEATURE_VERSION).

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a step with one more code unit. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** FNV-1a of a whole string. */
export function fnvString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** Combines a template id with up to three hashes (murmur3-style finalizer after each step). */
export function mix(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ a ^ (h >>> 15), 0xc2b2ae35) >>> 0;
  h = Math.imul(h ^ b ^ (h >>> 13), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ c ^ (h >>> 16), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
