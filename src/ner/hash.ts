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
