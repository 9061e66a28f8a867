// Averaged structured perceptron (Collins 2002) over dense feature ids, with Viterbi decoding and sentence
// weights. Averaging uses the usual trick: keep w and sum(c * delta), the average is w - acc / c.
import { N_TAGS } from '../tags.js';
import { decode } from '../viterbi.js';

/** Marks a feature occurrence that did not make the vocabulary. */
export const NONE = 0xffffffff;

export class Perceptron {
  readonly w: Float64Array;
  private readonly acc: Float64Array;
  readonly transitions: Float64Array;
  private readonly trAcc: Float64Array;
  private c = 1;
  private pred = new Uint8Array(256);
  private emission = new Float64Array(256 * N_TAGS);

  constructor(nFeatures: number) {
    this.w = new Float64Array(nFeatures * N_TAGS);
    this.acc = new Float64Array(nFeatures * N_TAGS);
    this.transitions = new Float64Array((N_TAGS + 1) * N_TAGS);
    this.trAcc = new Float64Array((N_TAGS + 1) * N_TAGS);
  }

  /** The current weights' tag scores for n tokens, token i having features feats[offs[i]..offs[i+1]). */
  private emissions(feats: Uint32Array, offs: Int32Array, n: number): Float64Array {
    if (n * N_TAGS > this.emission.length) this.emission = new Float64Array(n * N_TAGS * 2);
    const { w, emission: out } = this;
    out.fill(0, 0, n * N_TAGS);
    for (let i = 0; i < n; i++) {
      const at = i * N_TAGS;
      for (let k = offs[i]!; k < offs[i + 1]!; k++) {
        const id = feats[k]!;
        if (id === NONE) continue;
        const row = id * N_TAGS;
        for (let t = 0; t < N_TAGS; t++) out[at + t]! += w[row + t]!;
      }
    }
    return out;
  }

  /** Trains on one sentence; returns the number of wrong tags before the update. */
  learn(feats: Uint32Array, offs: Int32Array, n: number, gold: Uint8Array, weight: number): number {
    if (this.pred.length < n) this.pred = new Uint8Array(n * 2);
    const pred = this.pred;
    decode(this.emissions(feats, offs, n), n, this.transitions, pred);
    let errors = 0;
    const c = this.c;
    for (let i = 0; i < n; i++) {
      const g = gold[i]!, p = pred[i]!;
      const pg = i > 0 ? gold[i - 1]! : N_TAGS, pp = i > 0 ? pred[i - 1]! : N_TAGS;
      if (g !== p) {
        errors++;
        for (let k = offs[i]!; k < offs[i + 1]!; k++) {
          const id = feats[k]!;
          if (id === NONE) continue;
          this.bump(id * N_TAGS + g, weight, c);
          this.bump(id * N_TAGS + p, -weight, c);
        }
      }
      if (g !== p || pg !== pp) {
        this.transitions[pg * N_TAGS + g]! += weight;
        this.trAcc[pg * N_TAGS + g]! += c * weight;
        this.transitions[pp * N_TAGS + p]! -= weight;
        this.trAcc[pp * N_TAGS + p]! -= c * weight;
      }
    }
    this.c++;
    return errors;
  }

  private bump(i: number, d: number, c: number): void {
    this.w[i]! += d;
    this.acc[i]! += c * d;
  }

  /** The averaged weights. */
  averaged(): { weights: Float32Array; transitions: Float32Array } {
    const weights = new Float32Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.w[i]! - this.acc[i]! / this.c;
    const transitions = new Float32Array(this.transitions.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = this.transitions[i]! - this.trAcc[i]! / this.c;
    return { weights, transitions };
  }
}
