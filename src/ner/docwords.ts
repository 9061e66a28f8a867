// What the rest of an article says about a word, from its text alone (global features after Chieu & Ng 2002):
// whether the word is also written capitalized inside running text, or in lower case, right after an honorific
// ("Mr. Pirelli"), right after a given name, or before an organization keyword ("Magna International"). A word
// at the start of a sentence or in a headline is then read with that knowledge.
import { IntTable, WORD } from './lexicon.js';
import { CASE, lowerHash } from './shape.js';
import type { TokenWords } from './words.js';

/** Words that rarely appear outside sports reporting (general vocabulary, written for this project). */
const SPORT_WORDS = IntTable.of(
  'innings wickets wicket goals scored striker midfielder goalkeeper defender halftime half-time penalty fixture fixtures squad semifinal semi-final quarterfinal quarter-final batting bowling bowled touchdown pitcher playoff playoffs stadium scorers seeded championship league match coach tournament cup'
    .split(' ')
    .map((w) => lowerHash(w, 0, w.length)),
);

const DOC = { capMid: 1, lower: 2, afterHonorific: 4, afterGiven: 8, beforeOrgKey: 16 } as const;

export class DocWords {
  /** The DOC bits of each word of the article, by lower-case hash. */
  readonly map = new WordBits();
  /**
   * Lines that read like a results or standings table: a capitalized word right before a number, two numbers
   * or more, and at most two lower-case words ("Leeds 2 Hull 1", "BOSTON 80 60 .571"). On a page with several,
   * a town's name is most often a team.
   */
  tableLines = 0;
  /** Words of sports reporting in the article ("innings", "striker", "halftime"). */
  sportWords = 0;

  clear(): void {
    this.map.clear();
    this.tableLines = 0;
    this.sportWords = 0;
  }

  /** Adds one sentence: the tokens [from, to) of `words`. */
  add(words: TokenWords, from: number, to: number): void {
    const { lower, kase, wbits } = words;
    const { map } = this;
    let upper = 0, lowers = 0, digits = 0, capNumber = false;
    for (let i = from; i < to; i++) {
      const c = kase[i]!;
      if (c === CASE.lower) {
        lowers++;
        if (SPORT_WORDS.has(lower[i]!)) this.sportWords++;
      }
      else if (c === CASE.title || c === CASE.upper) upper++;
      else if (c === CASE.digit) {
        digits++;
        if (i > from && (kase[i - 1] === CASE.title || kase[i - 1] === CASE.upper)) capNumber = true;
      }
    }
    // Counted without a branch, like the honorific below: V8 compiles this before the first table line comes,
    // and code that first runs then is compiled again (see LINE in features.ts).
    this.tableLines += digits >= 2 && lowers <= 2 && capNumber ? 1 : 0;
    // Headlines and capitals lines say nothing about how a word is usually written.
    if (lowers * 2 < upper) return;
    for (let i = from + 1; i < to; i++) {
      const c = kase[i]!;
      let bits = 0;
      if (c === CASE.lower) bits = DOC.lower;
      else if (c === CASE.title || c === CASE.mixed) {
        bits = DOC.capMid;
        const p = wbits[i - 1]!;
        // After an honorific, with or without its period ("Mr Pirelli", "Mr. Pirelli").
        if (p & WORD.honorific || (i > from + 1 && kase[i - 1] === CASE.other && wbits[i - 2]! & WORD.honorific)) bits |= DOC.afterHonorific;
        if (p & WORD.given && kase[i - 1] === CASE.title) bits |= DOC.afterGiven;
        if (i + 1 < to && kase[i + 1] === CASE.title && wbits[i + 1]! & WORD.orgKey) bits |= DOC.beforeOrgKey;
      } else continue;
      map.or(lower[i]!, bits);
    }
  }
}

/**
 * Small bit sets by 32-bit word hash, for one article at a time: an open-addressing table that `clear` empties
 * by the slots it used. A JS Map would box every key above 2^30 (most hashes) as a heap number.
 */
export class WordBits {
  // Room for the words of a long article from the start: growing replaces the arrays, which deoptimizes the
  // compiled code that reads them.
  private keys = new Int32Array(1 << 13);
  private vals = new Uint8Array(1 << 13);
  /** Slots in use, in the order they were taken. */
  private used = new Int32Array(1 << 12);
  private size = 0;

  /** The bits of a word, 0 when it has none. */
  get(key: number): number {
    const { keys, vals } = this;
    const mask = keys.length - 1;
    for (let s = key & mask; ; s = (s + 1) & mask) {
      if (vals[s] === 0) return 0;
      if (keys[s] === (key | 0)) return vals[s]!;
    }
  }

  /** Adds bits (not 0) to a word's. */
  or(key: number, bits: number): void {
    const { keys, vals } = this;
    const mask = keys.length - 1;
    for (let s = key & mask; ; s = (s + 1) & mask) {
      if (vals[s] === 0) {
        keys[s] = key;
        vals[s] = bits;
        this.used[this.size++] = s;
        if (this.size * 2 > keys.length) this.grow();
        return;
      }
      if (keys[s] === (key | 0)) {
        vals[s]! |= bits;
        return;
      }
    }
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.vals[this.used[i]!] = 0;
    this.size = 0;
  }

  private grow(): void {
    const { keys, vals, used, size } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.vals = new Uint8Array(keys.length * 2);
    this.used = new Int32Array(keys.length);
    this.size = 0;
    for (let i = 0; i < size; i++) this.or(keys[used[i]!]!, vals[used[i]!]!);
  }
}