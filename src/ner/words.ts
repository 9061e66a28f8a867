// What the tagger knows of each token's word alone: its lower-case hash, short shape, case class and lexicon
// bits, in per-token arrays that the document pass (docwords.ts) and the feature extractor both read, so that
// each token is analyzed once.
import type { Lexicon } from './lexicon.js';
import { type TokenInfo, analyzeToken } from './shape.js';

export class TokenWords {
  lower = new Uint32Array(256);
  shape = new Uint32Array(256);
  kase = new Uint8Array(256);
  wbits = new Uint32Array(256);
  private readonly info: TokenInfo = { lower: 0, shape: 0, kase: 0 };

  /** Makes room for n tokens (contents are lost when the arrays grow). */
  reserve(n: number): void {
    if (n <= this.lower.length) return;
    const cap = Math.max(n, this.lower.length * 2);
    this.lower = new Uint32Array(cap);
    this.shape = new Uint32Array(cap);
    this.kase = new Uint8Array(cap);
    this.wbits = new Uint32Array(cap);
  }

  /** Analyzes the tokens [from, to) of `text` into slots from - shift onwards (room must be reserved). */
  fill(lex: Lexicon, text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number, shift = 0): void {
    const { info } = this;
    for (let i = from; i < to; i++) {
      analyzeToken(text, starts[i]!, ends[i]!, info);
      this.set(i - shift, info.lower, info.shape, info.kase, lex.words.get(info.lower) ?? 0);
    }
  }

  set(i: number, lower: number, shape: number, kase: number, wbits: number): void {
    this.lower[i] = lower;
    this.shape[i] = shape;
    this.kase[i] = kase;
    this.wbits[i] = wbits;
  }
}
