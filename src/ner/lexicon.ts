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

/** A read-only integer map: a Map while training builds it, an IntTable once loaded from the model. */
export interface Lookup {
  get(key: number): number | undefined;
}

export interface Lexicon {
  words: Lookup;
  phrases: Lookup;
  maxPhrase: number;
}

/** The lexicon as training builds it. */
export interface LexiconBuilder extends Lexicon {
  words: Map<number, number>;
  phrases: Map<number, number>;
}

/**
 * Open-addressing hash of uint32 keys to uint32 values, built in one pass from arrays of both (key 0 = empty, so a
 * key of 0 is never held). Also the tagger's sets of word hashes (`IntTable.of`): a Set of numbers would box half of
 * them (those above 2^31) as heap numbers and hash those as doubles on every look-up.
 */
export class IntTable implements Lookup {
  private readonly keys: Int32Array;
  private readonly vals: Uint32Array;
  private readonly mask: number;

  constructor(keys: Uint32Array, vals: Uint32Array) {
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap);
    this.vals = new Uint32Array(cap);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]! | 0;
      if (k === 0) continue;
      let s = k & this.mask;
      while (this.keys[s] !== 0) s = (s + 1) & this.mask;
      this.keys[s] = k;
      this.vals[s] = vals[i]!;
    }
  }

  /** A set of hashes: each held with the value 1. */
  static of(hashes: readonly number[]): IntTable {
    return new IntTable(Uint32Array.from(hashes), new Uint32Array(hashes.length).fill(1));
  }

  has(key: number): boolean {
    return (key | 0) !== 0 && this.get(key) !== undefined;
  }

  get(key: number): number | undefined {
    const k = key | 0;
    let s = k & this.mask;
    for (;;) {
      const v = this.keys[s]!;
      if (v === k) return this.vals[s];
      if (v === 0) return undefined;
      s = (s + 1) & this.mask;
    }
  }
}

export function emptyLexicon(): LexiconBuilder {
  return { words: new Map(), phrases: new Map(), maxPhrase: 1 };
}

/** Chains a phrase hash with the next token's lower-case hash (unsigned, like every lexicon key). */
export function phraseStep(h: number, tokenHash: number): number {
  return mix(PHRASE_SEED, h, tokenHash) >>> 0;
}

export function addWord(lex: LexiconBuilder, word: string, bits: number): void {
  const h = lowerHash(word, 0, word.length);
  lex.words.set(h, (lex.words.get(h) ?? 0) | bits);
}

/** Adds a phrase, tokenized the way article text is, so it matches what the tagger sees. */
export function addPhrase(lex: LexiconBuilder, phrase: string, bits: number): void {
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
