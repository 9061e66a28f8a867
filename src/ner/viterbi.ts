// Finds the best BIO tag sequence for a sentence's tag scores under the BIO constraint.
import { N_TAGS, allowed, isInside, SENTENCE_ROOM } from './tags.js';

// Written for BIO tags: O and B-x may follow any tag, I-x only B-x or I-x (see allowed() in tags.ts).
for (let p = 0; p < N_TAGS; p++) {
  for (let t = 0; t < N_TAGS; t++) {
    if (allowed(p, t) !== (!isInside(t) || p === t - 1 || p === t)) throw new Error('viterbi.ts: decode assumes BIO tags in the order of tags.ts');
  }
}

let score = new Float64Array(SENTENCE_ROOM * N_TAGS);
let back = new Int8Array(SENTENCE_ROOM * N_TAGS);

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
      // The first of equal scores wins, predecessors taken in tag order.
      let best = -Infinity, arg = 0;
      if (isInside(t)) {
        // I-x follows only B-x (tag t - 1) or I-x.
        const a = score[prevBase + t - 1]! + tr[(t - 1) * N_TAGS + t]!;
        if (a > best) (best = a), (arg = t - 1);
        const b = score[prevBase + t]! + tr[t * N_TAGS + t]!;
        if (b > best) (best = b), (arg = t);
      } else {
        for (let p = 0; p < N_TAGS; p++) {
          const v = score[prevBase + p]! + tr[p * N_TAGS + t]!;
          if (v > best) (best = v), (arg = p);
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
