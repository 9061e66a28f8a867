// What the rest of an article says about a word, from its text alone (global features after Chieu & Ng 2002):
// whether the word is also written capitalized inside running text, or in lower case, right after an honorific
// ("Mr. Pirelli"), right after a given name, or before an organization keyword ("Magna International"). A word
// at the start of a sentence or in a headline is then read with that knowledge.
import { type Lexicon, WORD } from './lexicon.js';
import { CASE, type TokenInfo, analyzeToken, lowerHash } from './shape.js';

/** Words that rarely appear outside sports reporting (general vocabulary, written for this project). */
const SPORT_WORDS = new Set(
  'innings wickets wicket goals scored striker midfielder goalkeeper defender halftime half-time penalty fixture fixtures squad semifinal semi-final quarterfinal quarter-final batting bowling bowled touchdown pitcher playoff playoffs stadium scorers seeded championship league match coach tournament cup'
    .split(' ')
    .map((w) => lowerHash(w, 0, w.length)),
);

export const DOC = { capMid: 1, lower: 2, afterHonorific: 4, afterGiven: 8, beforeOrgKey: 16 } as const;

export class DocWords {
  readonly map = new Map<number, number>();
  /**
   * Lines that read like a results or standings table: a capitalized word right before a number, two numbers
   * or more, and at most two lower-case words ("Leeds 2 Hull 1", "BOSTON 80 60 .571"). On a page with several,
   * a town's name is most often a team.
   */
  tableLines = 0;
  /** Words of sports reporting in the article ("innings", "striker", "halftime"). */
  sportWords = 0;
  private readonly lex: Lexicon;
  private lower = new Uint32Array(256);
  private kase = new Uint8Array(256);
  private info: TokenInfo = { lower: 0, shape: 0, kase: 0 };

  constructor(lex: Lexicon) {
    this.lex = lex;
  }

  clear(): void {
    this.map.clear();
    this.tableLines = 0;
    this.sportWords = 0;
  }

  /** Adds one sentence, tokens [from, to). */
  add(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number): void {
    const n = to - from;
    if (n > this.lower.length) {
      this.lower = new Uint32Array(n * 2);
      this.kase = new Uint8Array(n * 2);
    }
    const { lower, kase, info, map } = this;
    const words = this.lex.words;
    let upper = 0, lowers = 0, digits = 0, capNumber = false;
    for (let i = 0; i < n; i++) {
      analyzeToken(text, starts[from + i]!, ends[from + i]!, info);
      lower[i] = info.lower;
      kase[i] = info.kase;
      if (info.kase === CASE.lower) {
        lowers++;
        if (SPORT_WORDS.has(info.lower)) this.sportWords++;
      }
      else if (info.kase === CASE.title || info.kase === CASE.upper) upper++;
      else if (info.kase === CASE.digit) {
        digits++;
        if (i > 0 && (kase[i - 1] === CASE.title || kase[i - 1] === CASE.upper)) capNumber = true;
      }
    }
    if (capNumber && digits >= 2 && lowers <= 2) this.tableLines++;
    // Headlines and capitals lines say nothing about how a word is usually written.
    if (lowers * 2 < upper) return;
    for (let i = 1; i < n; i++) {
      const c = kase[i]!;
      let bits = 0;
      if (c === CASE.lower) bits = DOC.lower;
      else if (c === CASE.title || c === CASE.mixed) {
        bits = DOC.capMid;
        const p = words.get(lower[i - 1]!) ?? 0;
        if (p & WORD.honorific) bits |= DOC.afterHonorific;
        else if (i > 1 && kase[i - 1] === CASE.other && (words.get(lower[i - 2]!) ?? 0) & WORD.honorific) bits |= DOC.afterHonorific;
        if (p & WORD.given && kase[i - 1] === CASE.title) bits |= DOC.afterGiven;
        if (i + 1 < n && kase[i + 1] === CASE.title && (words.get(lower[i + 1]!) ?? 0) & WORD.orgKey) bits |= DOC.beforeOrgKey;
      } else continue;
      map.set(lower[i]!, (map.get(lower[i]!) ?? 0) | bits);
    }
  }
}
