// Finds the best BIO tag sequence for a sentence's tag scores under the BIO constraint.
import { N_TAGS, O, allowed, isInside, SENTENCE_ROOM } from './tags.js';

// Written out for BIO over four classes: tag 0 is O, 2c + 1 is B-c and 2c + 2 is I-c; O and B-x may follow any
// tag, I-x only B-x or I-x (see allowed() in tags.ts).
if (N_TAGS !== 9) throw new Error('viterbi.ts: decode is written out for 9 tags');
for (let p = 0; p < N_TAGS; p++) {
  for (let t = 0; t < N_TAGS; t++) {
    if (allowed(p, t) !== (!isInside(t) || p === t - 1 || p === t)) throw new Error('viterbi.ts: decode assumes BIO tags in the order of tags.ts');
  }
}

let score = new Float64Array(SENTENCE_ROOM * N_TAGS);
let back = new Int8Array(SENTENCE_ROOM * N_TAGS);

/**
 * Viterbi over tokens [from, to) of a sentence of n tokens, whose tag scores are emission[i * N_TAGS + tag], with
 * transitions[prev * N_TAGS + tag] (prev = N_TAGS at the sentence start); writes the best tag ids into
 * tags[from..to). Tokens of the sentence outside [from, to) are taken as O: the path enters the stretch from O
 * (unless it starts the sentence) and leaves it into O (unless it ends the sentence). Of equal scores, the
 * predecessor first in tag order wins.
 */
export function decode(emission: Float64Array, n: number, tr: Float64Array, tags: Uint8Array, from = 0, to = n): void {
  const len = to - from;
  if (len * N_TAGS > score.length) {
    score = new Float64Array(len * N_TAGS * 2);
    back = new Int8Array(len * N_TAGS * 2);
  }
  const enter = (from === 0 ? N_TAGS : O) * N_TAGS;
  const em0 = from * N_TAGS;
  for (let t = 0; t < N_TAGS; t++) {
    score[t] = allowed(0, t) ? tr[enter + t]! + emission[em0 + t]! : -Infinity;
  }
  for (let i = 1; i < len; i++) {
    const base = i * N_TAGS, prev = base - N_TAGS, em = em0 + base;
    // The previous token's scores in locals: each is read by five or more of this token's tags.
    const s0 = score[prev]!, s1 = score[prev + 1]!, s2 = score[prev + 2]!, s3 = score[prev + 3]!, s4 = score[prev + 4]!;
    const s5 = score[prev + 5]!, s6 = score[prev + 6]!, s7 = score[prev + 7]!, s8 = score[prev + 8]!;
    // O and B-x (tags 0, 1, 3, 5, 7): any predecessor, written out over the 9 (with a loop over them, Viterbi took
    // about 0.13 s of a pass over the BBC set; written out, about 0.075 s).
    for (let t = 0; t < N_TAGS; t += t === 0 ? 1 : 2) {
      let best = s0 + tr[t]!, arg = 0, v: number;
      if ((v = s1 + tr[N_TAGS + t]!) > best) (best = v), (arg = 1);
      if ((v = s2 + tr[2 * N_TAGS + t]!) > best) (best = v), (arg = 2);
      if ((v = s3 + tr[3 * N_TAGS + t]!) > best) (best = v), (arg = 3);
      if ((v = s4 + tr[4 * N_TAGS + t]!) > best) (best = v), (arg = 4);
      if ((v = s5 + tr[5 * N_TAGS + t]!) > best) (best = v), (arg = 5);
      if ((v = s6 + tr[6 * N_TAGS + t]!) > best) (best = v), (arg = 6);
      if ((v = s7 + tr[7 * N_TAGS + t]!) > best) (best = v), (arg = 7);
      if ((v = s8 + tr[8 * N_TAGS + t]!) > best) (best = v), (arg = 8);
      score[base + t] = best + emission[em + t]!;
      back[base + t] = arg;
    }
    // I-x (tags 2, 4, 6, 8): only B-x (t - 1) or I-x (t). From -Infinity, as for the other tags: where neither
    // is possible, the pointer stays at tag 0.
    for (let t = 2; t < N_TAGS; t += 2) {
      let best = -Infinity, arg = 0;
      const a = score[prev + t - 1]! + tr[(t - 1) * N_TAGS + t]!;
      if (a > best) (best = a), (arg = t - 1);
      const b = score[prev + t]! + tr[t * N_TAGS + t]!;
      if (b > best) (best = b), (arg = t);
      score[base + t] = best + emission[em + t]!;
      back[base + t] = arg;
    }
  }
  let bestT = 0, best = -Infinity;
  const last = (len - 1) * N_TAGS;
  const leave = to < n;
  for (let t = 0; t < N_TAGS; t++) {
    const v = leave ? score[last + t]! + tr[t * N_TAGS + O]! : score[last + t]!;
    if (v > best) (best = v), (bestT = t);
  }
  for (let i = len - 1; i >= 0; i--) {
    tags[from + i] = bestT;
    bestT = back[i * N_TAGS + bestT]!;
  }
}
