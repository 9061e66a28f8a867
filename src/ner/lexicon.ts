// Gazetteers as hash tables keyed by the same lower-case word hashes the features use, so a lookup costs no
// string allocation. Word lists mark single tokens (given names, surnames, organization keywords, honorifics, how
// often a word is written in lower case); phrase lists mark token sequences (countries, demonyms, cities, regions,
// news outlets, titles), matched longest-first.
import { tokenize } from '../text/tokenize.js';
import { mix } from './hash.js';
import { lowerHash } from './shape.js';

/** Single-token classes (bits of `Lexicon.words` values). */
export const WORD = {
  given: 1,
  name: 2,
  orgKey: 4,
  honorific: 8,
  mostlyLower: 16,
  mixedCase: 32,
  mostlyCapital: 64,
} as const;

/** Phrase classes (bits of `Lexicon.phrases` values). */
export const PHRASE = {
  country: 1,
  demonym: 2,
  city: 4,
  region: 8,
  outlet: 16,
  title: 32,
  organization: 64,
} as const;
export type PhraseClass = keyof typeof PHRASE;

/** Marks a phrase key that a longer phrase continues. */
export const PREFIX = 1 << 30;
const PHRASE_SEED = 0x2f0;

export interface Lexicon {
  words: Map<number, number>;
  phrases: Map<number, number>;
  maxPhrase: number;
}

export function emptyLexicon(): Lexicon {
  return { words: new Map(), phrases: new Map(), maxPhrase: 1 };
}

/** Chains a phrase hash with the next token's lower-case hash. */
export function phraseStep(h: number, tokenHash: number): number {
  return mix(PHRASE_SEED, h, tokenHash);
}

export function addWord(lex: Lexicon, word: string, bits: number): void {
  const h = lowerHash(word, 0, word.length);
  lex.words.set(h, (lex.words.get(h) ?? 0) | bits);
}

/** Adds a phrase, tokenized the way article text is, so it matches what the tagger sees. */
export function addPhrase(lex: Lexicon, phrase: string, bits: number): void {
  const toks = tokenize(phrase);
  if (!toks.length) return;
  let h = 0;
  for (let i = 0; i < toks.length; i++) {
    h = phraseStep(h, lowerHash(phrase, toks[i]!.start, toks[i]!.end));
    const old = lex.phrases.get(h) ?? 0;
    lex.phrases.set(h, i === toks.length - 1 ? old | bits : old | PREFIX);
  }
  if (toks.length > lex.maxPhrase) lex.maxPhrase = toks.length;
}
