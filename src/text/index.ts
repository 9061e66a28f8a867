// Text analysis: tokens and sentences with offsets, and the clutter of copied web pages set aside.
import type { Doc } from '../types.js';
import { splitSentences, tokenize } from './tokenize.js';

export { splitSentences, tokenize } from './tokenize.js';

/** Turns an article's text into a Doc. Never throws: odd input gives an empty or short Doc. */
export function analyze(id: string, text: string): Doc {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  return { id, text, tokens, sentences, dropped: [] };
}
