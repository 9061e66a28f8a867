// Scores tokens against the model and finds the best BIO tag sequence under the BIO constraint.
import { type Model, SLOT } from './model.js';
import { N_TAGS, allowed } from './tags.js';

/** Hard constraint table: ALLOWED[prev * N_TAGS + tag], with prev = N_TAGS for the sentence start. */
const ALLOWED = new Uint8Array((N_TAGS + 1) * N_TAGS);
for (let p = 0; p <= N_TAGS; p++) for (let t = 0; t < N_TAGS; t++) ALLOWED[p * N_TAGS + t] = p === N_TAGS ? (allowed(0, t) ? 1 : 0) : allowed(p, t) ? 1 : 0;

/** Scoring weights: the model at run time, the perceptron's current weights while training. */
export interface Scorer {
  transitions: ArrayLike<number>;
  /**
   * Adds the emission scores of one token into out[at..at+N_TAGS): its own features are feats[from..mid), its
   * context features feats[mid..to); `key` identifies the token's text for scorers that cache the first part.
   */
  emit(feats: Uint32Array, from: number, mid: number, to: number, key: number, check: number, out: Float64Array, at: number): void;
}

/**
 * Sums of a token's own features, by token key, in a direct-mapped cache of typed arrays (exact: integer sums).
 * Within a sentence the cache is read-only: the feature extractor skipped the own features of the tokens it
 * found here, so new sums wait in `pending` until `commit()` after the sentence.
 */
const CACHE_BITS = 16;
const CACHE_SIZE = 1 << CACHE_BITS;
const CACHE_MASK = CACHE_SIZE - 1;

export interface ModelScorer extends Scorer {
  /** Whether the own-feature sum of this token (key and check hash) is cached. */
  known(key: number, check: number): boolean;
  /** Stores the sums computed in the last sentence. */
  commit(): void;
}

export function modelScorer(m: Model): ModelScorer {
  const { table, mask, scale } = m;
  if (N_TAGS !== 9) throw new Error('modelScorer: unrolled for 9 tags');
  // A slot holds a token by two independent hashes: one 32-bit key alone collides within a few thousand
  // articles, and a collision would make a token's tags depend on the articles read before it.
  const cacheKey = new Int32Array(CACHE_SIZE);
  const cacheCheck = new Int32Array(CACHE_SIZE);
  const cacheVal = new Int32Array(CACHE_SIZE * N_TAGS);
  let pendingKey = new Int32Array(256);
  let pendingCheck = new Int32Array(256);
  let pendingVal = new Int32Array(256 * N_TAGS);
  let pending = 0;
  const acc = new Int32Array(N_TAGS);
  const add = (feats: Uint32Array, from: number, to: number) => {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
    for (let k = from; k < to; k++) {
      const h = feats[k]! | 0;
      let s = h & mask;
      for (;;) {
        const base = s * SLOT;
        const key = table[base]!;
        if (key === h) {
          let v = table[base + 1]!;
          a0 += (v << 16) >> 16;
          a1 += v >> 16;
          v = table[base + 2]!;
          a2 += (v << 16) >> 16;
          a3 += v >> 16;
          v = table[base + 3]!;
          a4 += (v << 16) >> 16;
          a5 += v >> 16;
          v = table[base + 4]!;
          a6 += (v << 16) >> 16;
          a7 += v >> 16;
          a8 += (table[base + 5]! << 16) >> 16;
          break;
        }
        if (key === 0) break;
        s = (s + 1) & mask;
      }
    }
    acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3; acc[4] = a4; acc[5] = a5; acc[6] = a6; acc[7] = a7; acc[8] = a8;
  };
  return {
    transitions: m.transitions,
    known: (key, check) => key !== 0 && cacheKey[key & CACHE_MASK] === (key | 0) && cacheCheck[key & CACHE_MASK] === (check | 0),
    commit() {
      for (let i = 0; i < pending; i++) {
        const k = pendingKey[i]!;
        const slot = k & CACHE_MASK;
        cacheKey[slot] = k;
        cacheCheck[slot] = pendingCheck[i]!;
        cacheVal.set(pendingVal.subarray(i * N_TAGS, i * N_TAGS + N_TAGS), slot * N_TAGS);
      }
      pending = 0;
    },
    emit(feats, from, mid, to, key, check, out, at) {
      let o0 = 0, o1 = 0, o2 = 0, o3 = 0, o4 = 0, o5 = 0, o6 = 0, o7 = 0, o8 = 0;
      if (mid === from) {
        // Own features skipped by the extractor: their sum is in the cache.
        const b = (key & CACHE_MASK) * N_TAGS;
        o0 = cacheVal[b]!; o1 = cacheVal[b + 1]!; o2 = cacheVal[b + 2]!; o3 = cacheVal[b + 3]!; o4 = cacheVal[b + 4]!;
        o5 = cacheVal[b + 5]!; o6 = cacheVal[b + 6]!; o7 = cacheVal[b + 7]!; o8 = cacheVal[b + 8]!;
      } else {
        add(feats, from, mid);
        o0 = acc[0]!; o1 = acc[1]!; o2 = acc[2]!; o3 = acc[3]!; o4 = acc[4]!; o5 = acc[5]!; o6 = acc[6]!; o7 = acc[7]!; o8 = acc[8]!;
        if (pending === pendingKey.length) {
          const k = new Int32Array(pending * 2);
          k.set(pendingKey);
          pendingKey = k;
          const c = new Int32Array(pending * 2);
          c.set(pendingCheck);
          pendingCheck = c;
          const v = new Int32Array(pending * 2 * N_TAGS);
          v.set(pendingVal);
          pendingVal = v;
        }
        pendingKey[pending] = key | 0;
        pendingCheck[pending] = check | 0;
        pendingVal.set(acc, pending * N_TAGS);
        pending++;
      }
      add(feats, mid, to);
      out[at] += (o0 + acc[0]!) * scale;
      out[at + 1] += (o1 + acc[1]!) * scale;
      out[at + 2] += (o2 + acc[2]!) * scale;
      out[at + 3] += (o3 + acc[3]!) * scale;
      out[at + 4] += (o4 + acc[4]!) * scale;
      out[at + 5] += (o5 + acc[5]!) * scale;
      out[at + 6] += (o6 + acc[6]!) * scale;
      out[at + 7] += (o7 + acc[7]!) * scale;
      out[at + 8] += (o8 + acc[8]!) * scale;
    },
  };
}

let emission = new Float64Array(256 * N_TAGS);
let score = new Float64Array(256 * N_TAGS);
let back = new Int8Array(256 * N_TAGS);

/** The emission scores of the last decode, token i's at [i * N_TAGS, (i + 1) * N_TAGS): valid until the next decode. */
export function lastEmissions(): Float64Array {
  return emission;
}

/** Viterbi over n tokens, token i having features feats[offs[i]..offs[i+1]); writes tag ids into `tags`. */
export function decode(
  feats: Uint32Array,
  offs: Int32Array,
  mids: Int32Array,
  keys: Uint32Array,
  checks: Uint32Array,
  n: number,
  scorer: Scorer,
  tags: Uint8Array,
): void {
  if (n * N_TAGS > emission.length) {
    emission = new Float64Array(n * N_TAGS * 2);
    score = new Float64Array(n * N_TAGS * 2);
    back = new Int8Array(n * N_TAGS * 2);
  }
  emission.fill(0, 0, n * N_TAGS);
  for (let i = 0; i < n; i++) scorer.emit(feats, offs[i]!, mids[i]!, offs[i + 1]!, keys[i]!, checks[i]!, emission, i * N_TAGS);
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
