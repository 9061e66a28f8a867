// Text analysis: tokens and sentences with offsets, and the clutter of copied web pages set aside.
import type { Doc } from '../types.js';
import { findClutter } from './clutter.js';
import { splitSentences, tokenize } from './tokenize.js';

export { findClutter } from './clutter.js';
export { splitSentences, tokenize } from './tokenize.js';

/** Turns an article's text into a Doc. Never throws: odd input gives an empty or short Doc. */
export function analyze(id: string, text: string): Doc {
  const tokens = tokenize(text);
  const dropped = findClutter(text);
  // Sentences inside clutter are left out; the rest are renumbered so that index = position.
  const all = splitSentences(text, tokens);
  const sentences = dropped.length
    ? all.filter((s) => !dropped.some((d) => d.start <= s.start && s.end <= d.end)).map((s, index) => ({ ...s, index }))
    : all; // nothing to leave out: the indexes already are the positions
  return { id, text, tokens, sentences, dropped };
}
