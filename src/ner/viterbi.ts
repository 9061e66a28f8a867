// Scores tokens against the model and finds the best BIO tag sequence under the BIO constraint.
import type { Model } from './model.js';
import { N_TAGS, allowed } from './tags.js';

/** Hard constraint table: ALLOWED[prev * N_TAGS + tag], with prev = N_TAGS for the sentence start. */
const ALLOWED = new Uint8Array((N_TAGS + 1) * N_TAGS);
for (let p = 0; p <= N_TAGS; p++) for (let t = 0; t < N_TAGS; t++) ALLOWED[p * N_TAGS + t] = p === N_TAGS ? (allowed(0, t) ? 1 : 0) : allowed(p, t) ? 1 : 0;

/** Scoring weights: the model at run time, the perceptron's current weights while training. */
export interface Scorer {
  transitions: ArrayLike<number>;
  /** Adds the emission scores of token i (features feats[offs[i]..offs[i+1])) into out[0..N_TAGS). */
  emit(feats: Uint32Array, from: number, to: number, out: Float64Array, at: number): void;
}

export function modelScorer(m: Model): Scorer {
  const { slotKey, slotRow, mask, weights } = m;
  return {
    transitions: m.transitions,
    emit(feats, from, to, out, at) {
      for (let k = from; k < to; k++) {
        const h = feats[k]!;
        let s = h & mask;
        let row = slotRow[s]!;
        while (row !== -1) {
          if (slotKey[s] === h) {
            for (let t = 0; t < N_TAGS; t++) out[at + t]! += weights[row + t]!;
            break;
          }
          s = (s + 1) & mask;
          row = slotRow[s]!;
        }
      }
    },
  };
}

let emission = new Float64Array(256 * N_TAGS);
let score = new Float64Array(256 * N_TAGS);
let back = new Int8Array(256 * N_TAGS);

/** Viterbi over n tokens, token i having features feats[offs[i]..offs[i+1]); writes tag ids into `tags`. */
export function decode(feats: Uint32Array, offs: Int32Array, n: number, scorer: Scorer, tags: Uint8Array): void {
  if (n * N_TAGS > emission.length) {
    emission = new Float64Array(n * N_TAGS * 2);
    score = new Float64Array(n * N_TAGS * 2);
    back = new Int8Array(n * N_TAGS * 2);
  }
  emission.fill(0, 0, n * N_TAGS);
  for (let i = 0; i < n; i++) scorer.emit(feats, offs[i]!, offs[i + 1]!, emission, i * N_TAGS);
  const tr = scorer.transitions;
  for (let t = 0; t < N_TAGS; t++) {
    score[t] = ALLOWED[N_TAGS * N_TAGS + t] ? tr[N_TAGS * N_TAGS + t]! + emission[t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const base = i * N_TAGS, prevBase = base - N_TAGS;
    for (let t = 0; t < N_TAGS; t++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < N_TAGS; p++) {
        if (!ALLOWED[p * N_TAGS + t]) continue;
        const v = score[prevBase + p]! + tr[p * N_TAGS + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[base + t] = best + emission[base + t]!;
      back[base + t] = arg;
    }
  }
  let bestT = 0, best = -Infinity;
  const last = (n - 1) * N_TAGS;
  for (let t = 0; t < N_TAGS; t++) if (score[last + t]! > best) (best = score[last + t]!), (bestT = t);
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = bestT;
    bestT = back[i * N_TAGS + bestT]!;
  }
}
