// Finds the best BIO tag sequence for a sentence's tag scores under the BIO constraint.
import { N_TAGS, allowed } from './tags.js';

/** The tags each tag may follow under the BIO constraint: FROM[FROM_AT[t] .. FROM_AT[t + 1]), in increasing order. */
const FROM: number[] = [];
const FROM_AT = new Int32Array(N_TAGS + 1);
for (let t = 0; t < N_TAGS; t++) {
  FROM_AT[t] = FROM.length;
  for (let p = 0; p < N_TAGS; p++) if (allowed(p, t)) FROM.push(p);
}
FROM_AT[N_TAGS] = FROM.length;
const PREV = Int32Array.from(FROM);

let score = new Float64Array(256 * N_TAGS);
let back = new Int8Array(256 * N_TAGS);

/**
 * Viterbi over n tokens whose tag scores are emission[i * N_TAGS + tag], with transitions[prev * N_TAGS + tag]
 * (prev = N_TAGS at the sentence start); writes the best tag ids into `tags`.
 */
export function decode(emission: Float64Array, n: number, tr: ArrayLike<number>, tags: Uint8Array): void {
  if (n * N_TAGS > score.length) {
    score = new Float64Array(n * N_TAGS * 2);
    back = new Int8Array(n * N_TAGS * 2);
  }
  for (let t = 0; t < N_TAGS; t++) {
    score[t] = allowed(0, t) ? tr[N_TAGS * N_TAGS + t]! + emission[t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const base = i * N_TAGS, prevBase = base - N_TAGS;
    for (let t = 0; t < N_TAGS; t++) {
      let best = -Infinity, arg = 0;
      for (let x = FROM_AT[t]!, end = FROM_AT[t + 1]!; x < end; x++) {
        const p = PREV[x]!;
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
