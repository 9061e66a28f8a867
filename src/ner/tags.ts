// The tag set: BIO over four name classes. MISC (events, nationalities as adjectives, works) is learned so that
// it does not leak into the other three, and is never reported as a mention.
export const CLASSES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NameClass = (typeof CLASSES)[number];

/** Tag ids: 0 = O, 1 + 2c = B-class, 2 + 2c = I-class. */
export const N_TAGS = 1 + 2 * CLASSES.length;
export const O = 0;
export const begin = (c: number): number => 1 + 2 * c;
export const inside = (c: number): number => 2 + 2 * c;
export const classOf = (tag: number): number => (tag - 1) >> 1;
export const isInside = (tag: number): boolean => tag > 0 && (tag & 1) === 0;

/** BIO constraint: I-x may only follow B-x or I-x. */
export function allowed(prev: number, tag: number): boolean {
  if (!isInside(tag)) return true;
  return prev > 0 && classOf(prev) === classOf(tag);
}

export function tagName(tag: number): string {
  return tag === O ? 'O' : `${isInside(tag) ? 'I' : 'B'}-${CLASSES[classOf(tag)]}`;
}

/**
 * Tokens of a sentence the tagger's per-sentence buffers hold before they grow. Longer sentences are rare; sized
 * so that growing (a path V8 has not seen when it optimizes the tagger, which would then recompile) seldom runs.
 */
export const SENTENCE_ROOM = 2048;
