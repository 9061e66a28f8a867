// Feature extraction for one sentence: every feature is a 32-bit hash of a template id and hashed pieces
// (word, shape, affix, gazetteer class), written into a reusable buffer. Shared by training and tagging.
import { mix } from './hash.js';
import { IntTable, type Lexicon, PHRASE, PREFIX, WORD, phraseStep } from './lexicon.js';
import { CASE, affixHash, isCapitalized, lowerHash } from './shape.js';
import { WordBits } from './docwords.js';
import type { TokenWords } from './words.js';
import { SENTENCE_ROOM } from './tags.js';

/** Bumped whenever templates change: a model trained with other features is refused. */
export const FEATURE_VERSION = 6;

const TEMPLATE_IDS = {
  bias: 1, w0: 2, wm1: 3, wp1: 4, wm2: 5, wp2: 6, sh0: 7, shm1: 8, shp1: 9, shm10: 10, sh0p1: 11,
  suf2: 12, suf3: 13, suf4: 14, pre3: 15, wm1w0: 16, w0wp1: 17, w0case: 18, start: 19, lex0: 20, lexm1: 21,
  lexp1: 22, gz0: 23, gzm1: 24, gzp1: 25, lineSh0: 26, wm1sh0: 27, sh0wp1: 28, len: 29, lineW0: 30, pre2: 31, doc0: 33, docm1: 34,
  runR: 35, runRw: 36, runLw: 37, runPos: 38, runKey: 39, runRgz: 40, table: 41, tableR: 42,
} as const;
/**
 * Template ids spread over 32 bits, so that a template xor a small value never equals another template. Kept as
 * int32 (mix reads the same bits either way): a property above 2^31 is a double, boxed anew each time it is passed
 * to a call V8 did not inline.
 */
const T = Object.fromEntries(Object.entries(TEMPLATE_IDS).map(([k, v]) => [k, Math.imul(v, 0x9e3779b1)])) as Record<keyof typeof TEMPLATE_IDS, number>;


export const BOS = 0x5eed0001;
/** Lower-case words that join the capitalized parts of one long name. */
const CONNECTORS = IntTable.of(['of', 'for', 'and', 'in', 'on', 'de', 'the', '&'].map((w) => lowerHash(w, 0, w.length)));
const DOT = lowerHash('.', 0, 1) | 0;
const PLACE_BITS = PHRASE.country | PHRASE.city | PHRASE.region | PHRASE.demonym;
export const EOS = 0x5eed0002;
/** Position of a token in a phrase match: begin, inside, last, unit. */
export const GZ_B = 1, GZ_I = 2, GZ_L = 3, GZ_U = 4;

export const LINE = { normal: 0, upper: 1, title: 2 } as const;
// The line kinds as plain constants for the hot code below. V8 compiles these functions early, from what the
// first articles exercised; a property read or an increment that first runs later (at the first headline, say)
// lacks type feedback, and throws the compiled code away to be compiled again. Plain constants need no feedback,
// and the rare features are written without a branch of their own (see sentenceFeatures).
const NORMAL_LINE = LINE.normal, UPPER_LINE = LINE.upper, TITLE_LINE = LINE.title;

export class FeatureExtractor {
  readonly lex: Lexicon;
  /** Feature hashes of the last sentence; token i owns feats[offs[i]..offs[i+1]). */
  feats = new Uint32Array(SENTENCE_ROOM * 16);
  offs = new Int32Array(SENTENCE_ROOM + 1);
  // The last sentence's words, copied from the TokenWords given, token 0 being the sentence's first.
  // The hashes as int32 (the same bits): read from a Uint32Array, a hash above 2^31 is a double, boxed as a heap
  // number each time it is passed to a call V8 did not inline (mix, mostly).
  private lower = new Int32Array(SENTENCE_ROOM);
  private shape = new Int32Array(SENTENCE_ROOM);
  private kase = new Uint8Array(SENTENCE_ROOM);
  private wbits = new Uint32Array(SENTENCE_ROOM);
  /** The capitalized run each token lies in: [runFirst, runLast], -1 outside one. */
  private runFirst = new Int32Array(SENTENCE_ROOM);
  private runLast = new Int32Array(SENTENCE_ROOM);
  /** Per token of a capitalized run: where an organization keyword stands in its longer run ("X of Y"), 0 = none. */
  private runKey = new Uint8Array(SENTENCE_ROOM);
  private line: number = LINE.normal;
  /** The line kind (LINE) of the last sentence: ordinary, capitals, or title case. */
  lineOf(): number {
    return this.line;
  }
  /** Phrase-gazetteer classes and position (GZ_*) of each token of the last sentence. */
  gzBits = new Uint32Array(SENTENCE_ROOM);
  gzPos = new Uint8Array(SENTENCE_ROOM);
  /** What the rest of the article says about each word (see docwords.ts); empty outside an article. */
  doc: WordBits = new WordBits();
  /** How much the article reads like a sports page, 0 to 2 (see sportsLevel in tagger.ts). */
  docTable = 0;

  constructor(lex: Lexicon) {
    this.lex = lex;
  }

  /**
   * Every feature of the tokens [from, to) (the words already analyzed in `words`); returns the token count.
   * This is the definition of the features, in the order training sums them; the tagger computes the same sums
   * faster with `extractContext` and the word-type cache (wordtypes.ts).
   */
  extract(words: TokenWords, text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number): number {
    const n = this.prepare(words, from, to);
    const { lower, shape, kase, wbits } = this;
    let k = 0;
    const offs = this.offs;
    for (let i = 0; i < n; i++) {
      const f = this.room(k);
      offs[i] = k;
      const w0 = lower[i]!, s0 = shape[i]!;
      const wm1 = i > 0 ? lower[i - 1]! : BOS, wp1 = i + 1 < n ? lower[i + 1]! : EOS;
      const wm2 = i > 1 ? lower[i - 2]! : BOS, wp2 = i + 2 < n ? lower[i + 2]! : EOS;
      const sm1 = i > 0 ? shape[i - 1]! : BOS, sp1 = i + 1 < n ? shape[i + 1]! : EOS;
      k = ownFeatures(f, k, text, starts[from + i]!, ends[from + i]!, w0, s0, kase[i]!, wbits[i]!);
      f[k++] = mix(T.wm1, wm1, 0);
      f[k++] = mix(T.wp1, wp1, 0);
      f[k++] = mix(T.wm2, wm2, 0);
      f[k++] = mix(T.wp2, wp2, 0);
      f[k++] = mix(T.shm1, sm1, 0);
      f[k++] = mix(T.shp1, sp1, 0);
      f[k++] = mix(T.shm10, sm1, s0);
      f[k++] = mix(T.sh0p1, s0, sp1);
      f[k++] = mix(T.wm1w0, wm1, w0);
      f[k++] = mix(T.w0wp1, w0, wp1);
      f[k++] = mix(T.wm1sh0, wm1, s0);
      f[k++] = mix(T.sh0wp1, s0, wp1);
      k = this.sentenceFeatures(f, k, i, n);
      if (i > 0) k = bitFeatures(f, k, T.lexm1, wbits[i - 1]!, kase[i - 1]!);
      if (i + 1 < n) k = bitFeatures(f, k, T.lexp1, wbits[i + 1]!, kase[i + 1]!);
      k = this.gazetteerFeatures(f, k, i, n);
    }
    offs[n] = k;
    return n;
  }

  /**
   * Only the features of tokens [from, to) that depend on more than the words around them: position and line
   * kind, the article, capitalized runs and phrase matches. The rest (the token's own word, its neighbours and
   * their pairs) the word-type cache sums once per word or pair. With `keep`, only the tokens i of the sentence
   * with keep[i] !== 0 get features (the others none).
   */
  extractContext(words: TokenWords, from: number, to: number, keep?: Uint8Array): number {
    const n = this.prepare(words, from, to);
    let k = 0;
    const offs = this.offs;
    for (let i = 0; i < n; i++) {
      const f = this.room(k);
      offs[i] = k;
      if (keep && keep[i] === 0) continue;
      k = this.sentenceFeatures(f, k, i, n);
      k = this.gazetteerFeatures(f, k, i, n);
    }
    offs[n] = k;
    return n;
  }

  /** Takes the sentence's words and finds its line kind, phrase matches and capitalized runs. */
  private prepare(words: TokenWords, from: number, to: number): number {
    const n = to - from;
    if (n > this.gzBits.length) {
      const cap = Math.max(n, this.gzBits.length * 2);
      this.lower = new Int32Array(cap);
      this.shape = new Int32Array(cap);
      this.kase = new Uint8Array(cap);
      this.wbits = new Uint32Array(cap);
      this.runFirst = new Int32Array(cap);
      this.runLast = new Int32Array(cap);
      this.runKey = new Uint8Array(cap);
      this.gzBits = new Uint32Array(cap);
      this.gzPos = new Uint8Array(cap);
      this.offs = new Int32Array(cap + 1);
    }
    const { lower, shape, kase, wbits, gzBits, gzPos } = this;
    let uppers = 0, titles = 0, lowers = 0;
    for (let i = 0; i < n; i++) {
      lower[i] = words.lower[from + i]!;
      shape[i] = words.shape[from + i]!;
      kase[i] = words.kase[from + i]!;
      wbits[i] = words.wbits[from + i]!;
      gzBits[i] = 0;
      gzPos[i] = 0;
      const c = kase[i]!;
      if (c === CASE.upper) uppers++;
      else if (c === CASE.title) titles++;
      else if (c === CASE.lower) lowers++;
    }
    // Headlines in capitals or in title case change what a capital letter means.
    this.line = uppers >= 2 && lowers === 0 && uppers > titles ? UPPER_LINE : titles + uppers >= 4 && lowers <= 1 ? TITLE_LINE : NORMAL_LINE;
    this.matchPhrases(n);
    this.findRuns(n);
    return n;
  }

  /** The feature buffer, with room for one more token's features after k. */
  private room(k: number): Uint32Array {
    if (k + 128 > this.feats.length) {
      const f = new Uint32Array(this.feats.length * 2);
      f.set(this.feats);
      this.feats = f;
    }
    return this.feats;
  }

  /** Position and line kind, what the article says of the word and the one before, the capitalized run. */
  private sentenceFeatures(f: Uint32Array, k: number, i: number, n: number): number {
    const { lower, shape, kase, gzBits, line } = this;
    const w0 = lower[i]!, s0 = shape[i]!, c0 = kase[i]!;
    f[k++] = mix(T.start, (i === 0 ? 1 : i === 1 && kase[0] === CASE.other ? 2 : 0) * 8 + c0, line);
    f[k++] = mix(T.lineSh0, line, s0);
    // The word in a headline: written for every token, kept (k moves on) only in one.
    f[k] = mix(T.lineW0, line, w0);
    k += line !== NORMAL_LINE ? 1 : 0;
    const db = this.doc.get(w0);
    if (db) k = bitFeatures(f, k, T.doc0, db, c0 * 4 + (i === 0 ? 1 : 0) + (line !== NORMAL_LINE ? 2 : 0));
    if (i > 0) {
      const dbm = this.doc.get(lower[i - 1]!);
      if (dbm) k = bitFeatures(f, k, T.docm1, dbm, kase[i - 1]!);
    }
    const rf = this.runFirst[i]!;
    if (rf >= 0) {
      // The capitalized run as a whole: what follows it (numbers on a results line, "beat", "said"), what
      // precedes it, its length and where the token stands in it, and an organization keyword heading it.
      const rl = this.runLast[i]!;
      const after = rl + 1 < n ? shape[rl + 1]! : EOS;
      const place = gzBits[i]! & PLACE_BITS;
      f[k++] = mix(T.runR, after, line);
      f[k++] = mix(T.runRgz, after, place * 4 + (rl > rf ? 1 : 0));
      f[k++] = mix(T.runRw, rl + 1 < n ? lower[rl + 1]! : EOS, 0);
      f[k++] = mix(T.runLw, rf > 0 ? lower[rf - 1]! : BOS, rf === i ? 1 : 0);
      const len = rl - rf + 1;
      f[k++] = mix(T.runPos, len > 5 ? 5 : len, (i === rf ? 1 : 0) + (i === rl ? 2 : 0) + 4 * line);
      if (this.runKey[i]) f[k++] = mix(T.runKey, this.runKey[i]!, (i === rf ? 1 : 0) + (i === rl ? 2 : 0));
      // On a sports page a town is mostly a team, a country mostly a national side (a place). Kept only there.
      f[k] = mix(T.table, place * 4 + this.docTable, line * 8 + (rl > rf ? 1 : 0));
      f[k + 1] = mix(T.tableR, after, (place ? 1 : 0) + 2 * this.docTable);
      k += this.docTable ? 2 : 0;
    } else if (this.runKey[i]) f[k++] = mix(T.runKey, this.runKey[i]!, 4);
    return k;
  }

  /** The phrase gazetteers' classes at the token and its neighbours. */
  private gazetteerFeatures(f: Uint32Array, k: number, i: number, n: number): number {
    const { gzBits, gzPos } = this;
    k = bitFeatures(f, k, T.gz0, gzBits[i]!, gzPos[i]! * 8 + this.kase[i]!);
    if (i > 0) k = bitFeatures(f, k, T.gzm1, gzBits[i - 1]!, gzPos[i - 1]!);
    if (i + 1 < n) k = bitFeatures(f, k, T.gzp1, gzBits[i + 1]!, gzPos[i + 1]!);
    return k;
  }

  /**
   * Capitalized runs: maximal sequences of capitalized tokens (title case, capitals, mixed; a period glued to
   * an initial or abbreviation stays inside). A longer run also crosses a connector between capitalized words
   * ("Organisation for Security and Cooperation in Europe"); where it holds an organization keyword, each
   * token of the short runs inside learns where that keyword stands: 1 first, 2 last, 3 elsewhere.
   */
  private findRuns(n: number): void {
    const { kase, lower, runFirst, runLast, runKey, wbits } = this;
    const cap = (i: number) => isCapitalized(kase[i]!);
    for (let i = 0; i < n; ) {
      if (!cap(i)) {
        runFirst[i] = runLast[i] = -1;
        runKey[i] = 0;
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < n && (cap(j + 1) || (lower[j + 1] === DOT && j + 2 < n && cap(j + 2)))) j++;
      for (let t = i; t <= j; t++) {
        runFirst[t] = i;
        runLast[t] = j;
        runKey[t] = 0;
      }
      i = j + 1;
    }
    for (let i = 0; i < n; ) {
      if (runFirst[i]! < 0) {
        i++;
        continue;
      }
      // Extend across connectors joining capitalized runs.
      let j = runLast[i]!;
      while (j + 2 < n && CONNECTORS.has(lower[j + 1]!) && runFirst[j + 2]! >= 0) j = runLast[j + 2]!;
      let where = 0;
      for (let t = i; t <= j; t++) {
        if (runFirst[t]! < 0 || !(wbits[t]! & WORD.orgKey)) continue;
        where = t === i ? 1 : t === j ? 2 : 3;
        if (where !== 3) break;
      }
      // The connectors inside learn it too ("for", "and" in the example above).
      if (where) for (let t = i; t <= j; t++) runKey[t] = where;
      i = j + 1;
    }
  }

  /** Longest phrase matches, left to right, starting only at capitalized or all-caps tokens. */
  private matchPhrases(n: number): void {
    const { lower, kase, gzBits, gzPos } = this;
    const phrases = this.lex.phrases;
    for (let i = 0; i < n; ) {
      if (!isCapitalized(kase[i]!)) {
        i++;
        continue;
      }
      let h = 0, bestEnd = -1, bestBits = 0;
      for (let j = i; j < n && j - i < this.lex.maxPhrase; j++) {
        h = phraseStep(h, lower[j]!);
        const v = phrases.get(h);
        if (v === undefined) break;
        const bits = v & ~PREFIX;
        if (bits) {
          bestEnd = j;
          bestBits = bits;
        }
        if (!(v & PREFIX)) break;
      }
      if (bestEnd < 0) {
        i++;
        continue;
      }
      for (let j = i; j <= bestEnd; j++) {
        gzBits[j] = bestBits;
        gzPos[j] = i === bestEnd ? GZ_U : j === i ? GZ_B : j === bestEnd ? GZ_L : GZ_I;
      }
      i = bestEnd + 1;
    }
  }
}

function bitFeatures(f: Uint32Array, k: number, template: number, bits: number, extra: number): number {
  while (bits) {
    const b = bits & -bits;
    f[k++] = mix(template, b, extra);
    bits ^= b;
  }
  return k;
}

/** The features of a token's word alone (first in its list): they depend on nothing but its text. */
export function ownFeatures(f: Uint32Array, k: number, text: string, start: number, end: number, w0: number, s0: number, c0: number, wbits: number): number {
  const len = end - start;
  f[k++] = mix(T.bias, 0, 0);
  f[k++] = mix(T.w0, w0, 0);
  f[k++] = mix(T.w0case, w0, c0);
  f[k++] = mix(T.sh0, s0, 0);
  if (len >= 3) {
    f[k++] = mix(T.suf2, affixHash(text, end - 2, end, 2), 0);
    f[k++] = mix(T.suf3, affixHash(text, end - 3, end, 3), 0);
    f[k++] = mix(T.pre2, affixHash(text, start, start + 2, 2), 0);
    f[k++] = mix(T.pre3, affixHash(text, start, start + 3, 3), 0);
  }
  if (len >= 5) f[k++] = mix(T.suf4, affixHash(text, end - 4, end, 4), 0);
  f[k++] = mix(T.len, len > 6 ? 6 : len, c0);
  return bitFeatures(f, k, T.lex0, wbits, c0);
}

/**
 * The features a word gives the token after it, the token after that, the token before it and the one before
 * that, and the features of two adjacent words' pair (each side's): what `extract` computes from the
 * neighbours, grouped for the word-type cache. BOS and EOS stand for the sentence's edges (no lexicon bits).
 */
export const NEIGHBOUR = {
  prev(f: Uint32Array, k: number, w: number, s: number, c: number, wbits: number): number {
    f[k++] = mix(T.wm1, w, 0);
    f[k++] = mix(T.shm1, s, 0);
    return bitFeatures(f, k, T.lexm1, wbits, c);
  },
  prev2(f: Uint32Array, k: number, w: number): number {
    f[k++] = mix(T.wm2, w, 0);
    return k;
  },
  next(f: Uint32Array, k: number, w: number, s: number, c: number, wbits: number): number {
    f[k++] = mix(T.wp1, w, 0);
    f[k++] = mix(T.shp1, s, 0);
    return bitFeatures(f, k, T.lexp1, wbits, c);
  },
  next2(f: Uint32Array, k: number, w: number): number {
    f[k++] = mix(T.wp2, w, 0);
    return k;
  },
  /** The second word's features from the pair (word a, then word b). */
  pairSecond(f: Uint32Array, k: number, wa: number, sa: number, wb: number, sb: number): number {
    f[k++] = mix(T.shm10, sa, sb);
    f[k++] = mix(T.wm1w0, wa, wb);
    f[k++] = mix(T.wm1sh0, wa, sb);
    return k;
  },
  /** The first word's features from the pair (word a, then word b). */
  pairFirst(f: Uint32Array, k: number, wa: number, sa: number, wb: number, sb: number): number {
    f[k++] = mix(T.sh0p1, sa, sb);
    f[k++] = mix(T.w0wp1, wa, wb);
    f[k++] = mix(T.sh0wp1, sa, wb);
    return k;
  },
} as const;
