// What the tagger knows of each token's word alone: its lower-case hash, short shape, case class and lexicon
// bits, in per-token arrays that the document pass (docwords.ts) and the feature extractor both read, so that
// each token is analyzed once. Training fills them here; the tagger copies them from its word types.
import type { Lexicon } from './lexicon.js';
import { type TokenInfo, analyzeToken } from './shape.js';

export class TokenWords {
  /** The hashes as int32 (the same bits), which V8 never boxes: see FeatureExtractor's copies. */
  lower = new Int32Array(256);
  shape = new Int32Array(256);
  kase = new Uint8Array(256);
  wbits = new Uint32Array(256);
  private readonly info: TokenInfo = { lower: 0, shape: 0, kase: 0 };

  /** Makes room for n tokens (contents are lost when the arrays grow). */
  reserve(n: number): void {
    if (n <= this.lower.length) return;
    const cap = Math.max(n, this.lower.length * 2);
    this.lower = new Int32Array(cap);
    this.shape = new Int32Array(cap);
    this.kase = new Uint8Array(cap);
    this.wbits = new Uint32Array(cap);
  }

  /** Analyzes the tokens [from, to) of `text` into the same slots (room must be reserved). */
  fill(lex: Lexicon, text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, from: number, to: number): void {
    const { info } = this;
    for (let i = from; i < to; i++) {
      analyzeToken(text, starts[i]!, ends[i]!, info);
      this.lower[i] = info.lower;
      this.shape[i] = info.shape;
      this.kase[i] = info.kase;
      this.wbits[i] = lex.words.get(info.lower) ?? 0;
    }
  }
}
