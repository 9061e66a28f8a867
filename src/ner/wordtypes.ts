// The tagger's scores at run time, computed per word type instead of per token. Most of a token's features
// depend only on its own word (its text, shape, affixes, lexicon bits) or on one neighbouring word (the word
// before it, after it, two before, two after) or on one adjacent pair of words. A news corpus of a million
// tokens has fewer than forty thousand distinct words, so the weight sums of those features are computed once
// per word (and per recent pair) and kept; per token, only the features that depend on the sentence and the
// article are looked up in the model. The sums are integers, so the scores equal those of summing every feature
// one by one (`FeatureExtractor.extract`, which training uses); test/ner-wordtypes.test.ts checks that.
import { BOS, EOS, NEIGHBOUR, ownFeatures } from './features.js';
import { FNV_OFFSET, FNV_PRIME } from './hash.js';
import { type Model, sumWeights } from './model.js';
import { type TokenInfo, analyzeToken } from './shape.js';
import { N_TAGS, SENTENCE_ROOM } from './tags.js';
import type { TokenWords } from './words.js';
import type { Token } from '../types.js';

// Per word type, five sums of N_TAGS weights: its own features, and the features it gives the token after it,
// two after it, before it and two before it.
const OWN = 0, AS_PREV = 1, AS_PREV2 = 2, AS_NEXT = 3, AS_NEXT2 = 4;
const ROW = 5 * N_TAGS;
/** Word types kept before the table starts over (at an article's start), bounding memory on long runs. */
const MAX_TYPES = 1 << 17;
/**
 * Pair sums live in a direct-mapped cache: a pair that comes back soon is found, others are recomputed. A small
 * cache that stays in the core's own cache beats a large one: with 2^17 pairs (10 MB) 40% of look-ups missed on
 * BBC, with 2^11 (160 KB) 76% do, yet the tagger's core ran about 10% faster (the large cache pushed the weight
 * table and the word types out of the processor's caches).
 */
const PAIR_BITS = 11;
const PAIR_ROW = 2 + 2 * N_TAGS;
/** A word type's facts: lower-case hash, shape hash, case class, lexicon bits, second text hash, length. */
const INFO = 6;
const INFO_LOWER = 0, INFO_SHAPE = 1, INFO_KASE = 2, INFO_WBITS = 3, INFO_HASH2 = 4, INFO_LEN = 5;
/** The sentence's edges as word types: ids 0 and 1. */
const BOS_ID = 0, EOS_ID = 1;

export class WordTypes {
  private readonly model: Model;
  // Word types by their exact text: an open-addressing table of (FNV hash of the characters, type id) pairs; a
  // match is confirmed by a second, independent hash of the characters and their length, kept with the type's
  // facts. Two texts of one length with both 32-bit hashes equal are a chance of about 2^-64 a comparison: in a
  // million-token run, some 10^-13. (Keeping each type's characters to compare them instead took a third of the
  // look-up's time, as a memory read far from the rest.) No token string is read or kept: a Map keyed by token
  // strings would keep slices of whole articles alive, and hashes every fresh string through the runtime.
  //
  // The tables start at the size a run over a few million tokens of news needs (tens of thousands of word types),
  // so that they seldom grow: replacing a table deoptimizes the compiled code that reads it. Pages never written
  // take no memory.
  private slots = new Int32Array(2 << 17);
  private count = 0;
  /** Per type, INFO int32s side by side (one cache line): see the INFO_* offsets. */
  private types = new Int32Array((1 << 16) * INFO);
  private sums = new Int32Array((1 << 16) * ROW);
  /**
   * Whether a type's sums are there: they are worked out when a token of the type first comes near a capitalized
   * word (see `emissions`). A fifth of the word types of news never do, and the sums are most of a new type's cost.
   */
  private ready = new Uint8Array(1 << 16);
  /** The last article's text and tokens, for the sums of its word types (`fill`). */
  private text = '';
  private tokens: Token[] = [];
  /** Pair slots of PAIR_ROW: the two type ids, the second word's sums, the first word's (one memory area per pair). */
  private readonly pairs: Int32Array;
  private readonly pairShift: number;
  /** The second word's sums of the pair before the token being scored (see `emissions`). */
  private readonly carry = new Int32Array(N_TAGS);
  /** The word type of each token of the last article. */
  private tokenIds = new Int32Array(1 << 14);
  private acc = new Int32Array(SENTENCE_ROOM * N_TAGS);
  private readonly buf = new Uint32Array(128);
  private readonly info: TokenInfo = { lower: 0, shape: 0, kase: 0 };

  private readonly maxTypes: number;

  /**
   * `maxTypes` bounds memory: the table starts over at an article that would take it past that many types.
   * `pairBits` sizes the pair cache (2^pairBits pairs).
   */
  constructor(model: Model, maxTypes = MAX_TYPES, pairBits = PAIR_BITS) {
    if (N_TAGS !== 9) throw new Error('WordTypes: emissions are written out for 9 tags');
    this.model = model;
    this.maxTypes = maxTypes;
    this.pairs = new Int32Array((1 << pairBits) * PAIR_ROW);
    this.pairShift = 32 - pairBits;
    this.reset();
  }

  /**
   * Looks up (or adds) the word type of every token of an article, for `emissions`, and writes each token's word
   * into `words`.
   */
  read(text: string, tokens: Token[], words: TokenWords): void {
    const n = tokens.length;
    if (this.count + n > this.maxTypes) this.reset();
    if (n > this.tokenIds.length) this.tokenIds = new Int32Array(n * 2);
    this.text = text;
    this.tokens = tokens;
    words.reserve(n);
    const { tokenIds } = this;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      tokenIds[i] = this.find(text, t.start, t.end);
    }
    // Copied array to array: a hash passed to a function that V8 does not inline is boxed as a heap number.
    const { types } = this;
    for (let i = 0; i < n; i++) {
      const at = tokenIds[i]! * INFO;
      words.lower[i] = types[at + INFO_LOWER]!;
      words.shape[i] = types[at + INFO_SHAPE]!;
      words.kase[i] = types[at + INFO_KASE]!;
      words.wbits[i] = types[at + INFO_WBITS]!;
    }
  }

  /**
   * The emission scores of tokens [a, b) of a sentence, the sentence being tokens [from, from + n) of the last
   * article, whose remaining features (FeatureExtractor.extractContext) are feats[offs[i]..offs[i+1]) for its
   * token i; out[i * N_TAGS + tag].
   */
  emissions(from: number, n: number, feats: Uint32Array, offs: Int32Array, out: Float64Array, a = 0, b = n): void {
    if (n * N_TAGS > this.acc.length) this.acc = new Int32Array(n * N_TAGS * 2);
    // The sums of the stretch's word types and of the two words either side, which give it features.
    for (let t = from + Math.max(0, a - 2), end = from + Math.min(n, b + 2); t < end; t++) {
      if (this.ready[this.tokenIds[t]!] === 0) this.fill(this.tokenIds[t]!, t);
    }
    const { acc, sums: S, pairs: P, tokenIds, model, carry } = this;
    const scale = model.scale;
    // Each adjacent pair (the edges included) gives features to both of its words: token i takes the second
    // word's sums of the pair before it (kept in `carry`) and the first word's of the pair after it. Both are read
    // as soon as the pair is looked up: the next look-up may take the same cache slot.
    let p = this.pair(a > 0 ? tokenIds[from + a - 1]! : BOS_ID, tokenIds[from + a]!);
    for (let k = 0; k < N_TAGS; k++) carry[k] = P[p + k]!;
    for (let i = a; i < b; i++) {
      const at = i * N_TAGS;
      const t = from + i;
      p = this.pair(tokenIds[t]!, i + 1 < n ? tokenIds[t + 1]! : EOS_ID);
      const after = p + N_TAGS;
      const own = tokenIds[t]! * ROW + OWN * N_TAGS;
      const p1 = (i > 0 ? tokenIds[t - 1]! : BOS_ID) * ROW + AS_PREV * N_TAGS;
      const p2 = (i > 1 ? tokenIds[t - 2]! : BOS_ID) * ROW + AS_PREV2 * N_TAGS;
      const n1 = (i + 1 < n ? tokenIds[t + 1]! : EOS_ID) * ROW + AS_NEXT * N_TAGS;
      const n2 = (i + 2 < n ? tokenIds[t + 2]! : EOS_ID) * ROW + AS_NEXT2 * N_TAGS;
      sumWeights(model, feats, offs[i]!, offs[i + 1]!, acc, at);
      // Written out for the 9 tags (checked in the constructor): a loop of adds was a third of this function.
      out[at] = (acc[at]! + S[own]! + S[p1]! + S[p2]! + S[n1]! + S[n2]! + carry[0]! + P[after]!) * scale;
      out[at + 1] = (acc[at + 1]! + S[own + 1]! + S[p1 + 1]! + S[p2 + 1]! + S[n1 + 1]! + S[n2 + 1]! + carry[1]! + P[after + 1]!) * scale;
      out[at + 2] = (acc[at + 2]! + S[own + 2]! + S[p1 + 2]! + S[p2 + 2]! + S[n1 + 2]! + S[n2 + 2]! + carry[2]! + P[after + 2]!) * scale;
      out[at + 3] = (acc[at + 3]! + S[own + 3]! + S[p1 + 3]! + S[p2 + 3]! + S[n1 + 3]! + S[n2 + 3]! + carry[3]! + P[after + 3]!) * scale;
      out[at + 4] = (acc[at + 4]! + S[own + 4]! + S[p1 + 4]! + S[p2 + 4]! + S[n1 + 4]! + S[n2 + 4]! + carry[4]! + P[after + 4]!) * scale;
      out[at + 5] = (acc[at + 5]! + S[own + 5]! + S[p1 + 5]! + S[p2 + 5]! + S[n1 + 5]! + S[n2 + 5]! + carry[5]! + P[after + 5]!) * scale;
      out[at + 6] = (acc[at + 6]! + S[own + 6]! + S[p1 + 6]! + S[p2 + 6]! + S[n1 + 6]! + S[n2 + 6]! + carry[6]! + P[after + 6]!) * scale;
      out[at + 7] = (acc[at + 7]! + S[own + 7]! + S[p1 + 7]! + S[p2 + 7]! + S[n1 + 7]! + S[n2 + 7]! + carry[7]! + P[after + 7]!) * scale;
      out[at + 8] = (acc[at + 8]! + S[own + 8]! + S[p1 + 8]! + S[p2 + 8]! + S[n1 + 8]! + S[n2 + 8]! + carry[8]! + P[after + 8]!) * scale;
      for (let k = 0; k < N_TAGS; k++) carry[k] = P[p + k]!;
    }
  }

  /** The id of the word type of the token text[start, end), added when new. */
  private find(text: string, start: number, end: number): number {
    // FNV-1a, and a multiply-xorshift hash for the confirmation, both kept in int32 (no call, no unsigned result):
    // a hash outside the small-integer range that crosses a call V8 did not inline is boxed as a heap number.
    const len = end - start;
    let h = FNV_OFFSET | 0, h2 = len;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ c, FNV_PRIME);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h |= 1; // 0 marks an empty slot
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const sh = slots[2 * s]!;
      if (sh === 0) {
        const id = this.add(text, start, end, h2);
        slots[2 * s] = h;
        slots[2 * s + 1] = id;
        if (this.count * 4 > slots.length) this.rehash();
        return id;
      }
      if (sh === h) {
        const id = slots[2 * s + 1]!;
        if (this.types[id * INFO + INFO_HASH2] === h2 && this.types[id * INFO + INFO_LEN] === len) return id;
      }
    }
  }

  /** Doubles the intern table (at most half full, for short probes). */
  private rehash(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2));
    const mask = (slots.length >> 1) - 1;
    for (let o = 0; o < old.length; o += 2) {
      const h = old[o]!;
      if (h === 0) continue;
      let s = h & mask;
      while (slots[2 * s] !== 0) s = (s + 1) & mask;
      slots[2 * s] = h;
      slots[2 * s + 1] = old[o + 1]!;
    }
  }

  private reset(): void {
    this.slots.fill(0);
    this.count = 0;
    this.pairs.fill(0);
    // The sentence's edges: no characters, no features of their own, only what they give their neighbours.
    for (const edge of [BOS, EOS]) {
      const id = this.define(edge, edge);
      this.neighbourSums(id);
      this.ready[id] = 1;
    }
  }

  /** A new word type for the token text[start, end) (second hash `h2`), its sums left for `fill`. */
  private add(text: string, start: number, end: number, h2: number): number {
    analyzeToken(text, start, end, this.info);
    const { lower, shape, kase } = this.info;
    const wbits = this.model.lexicon.words.get(lower) ?? 0;
    const id = this.define(lower, shape, kase, wbits);
    this.ready[id] = 0;
    this.types[id * INFO + INFO_HASH2] = h2;
    this.types[id * INFO + INFO_LEN] = end - start;
    return id;
  }

  /** Stores a word type's facts; returns its id. */
  private define(lower: number, shape: number, kase = 0, wbits = 0): number {
    const id = this.count++;
    if (id * ROW >= this.sums.length) this.grow();
    const t = id * INFO;
    this.types[t + INFO_LOWER] = lower;
    this.types[t + INFO_SHAPE] = shape;
    this.types[t + INFO_KASE] = kase;
    this.types[t + INFO_WBITS] = wbits;
    this.types[t + INFO_HASH2] = 0;
    this.types[t + INFO_LEN] = 0;
    return id;
  }

  /** Works out the sums of word type `id`, whose token `at` of the last article is. */
  private fill(id: number, at: number): void {
    const t = id * INFO;
    const lower = this.types[t + INFO_LOWER]!, shape = this.types[t + INFO_SHAPE]!;
    const kase = this.types[t + INFO_KASE]!, wbits = this.types[t + INFO_WBITS]!;
    const tok = this.tokens[at]!;
    const k = ownFeatures(this.buf, 0, this.text, tok.start, tok.end, lower, shape, kase, wbits);
    sumWeights(this.model, this.buf, 0, k, this.sums, id * ROW + OWN * N_TAGS);
    this.neighbourSums(id);
    this.ready[id] = 1;
  }

  /** The sums of the features word type `id` gives the words before and after it. */
  private neighbourSums(id: number): void {
    const t = id * INFO;
    const lower = this.types[t + INFO_LOWER]!, shape = this.types[t + INFO_SHAPE]!;
    const kase = this.types[t + INFO_KASE]!, wbits = this.types[t + INFO_WBITS]!;
    const { buf, model, sums } = this;
    const row = id * ROW;
    sumWeights(model, buf, 0, NEIGHBOUR.prev(buf, 0, lower, shape, kase, wbits), sums, row + AS_PREV * N_TAGS);
    sumWeights(model, buf, 0, NEIGHBOUR.prev2(buf, 0, lower), sums, row + AS_PREV2 * N_TAGS);
    sumWeights(model, buf, 0, NEIGHBOUR.next(buf, 0, lower, shape, kase, wbits), sums, row + AS_NEXT * N_TAGS);
    sumWeights(model, buf, 0, NEIGHBOUR.next2(buf, 0, lower), sums, row + AS_NEXT2 * N_TAGS);
  }

  private grow(): void {
    const types = new Int32Array(this.types.length * 2);
    types.set(this.types);
    this.types = types;
    const sums = new Int32Array(this.sums.length * 2);
    sums.set(this.sums);
    this.sums = sums;
    const ready = new Uint8Array(this.ready.length * 2);
    ready.set(this.ready);
    this.ready = ready;
  }

  /** Where the pair (a, b)'s sums are in `pairs`: the second word's, then the first word's. */
  private pair(a: number, b: number): number {
    const { pairs } = this;
    const slot = (Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> this.pairShift) * PAIR_ROW;
    const at = slot + 2;
    // The first id is kept plus one: an all-zero slot is empty.
    if (pairs[slot] === a + 1 && pairs[slot + 1] === b) return at;
    pairs[slot] = a + 1;
    pairs[slot + 1] = b;
    const { buf, model, types } = this;
    const wa = types[a * INFO + INFO_LOWER]!, sa = types[a * INFO + INFO_SHAPE]!;
    const wb = types[b * INFO + INFO_LOWER]!, sb = types[b * INFO + INFO_SHAPE]!;
    sumWeights(model, buf, 0, NEIGHBOUR.pairSecond(buf, 0, wa, sa, wb, sb), pairs, at);
    sumWeights(model, buf, 0, NEIGHBOUR.pairFirst(buf, 0, wa, sa, wb, sb), pairs, at + N_TAGS);
    return at;
  }
}

