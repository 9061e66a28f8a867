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
  emit(feats: Uint32Array, from: number, mid: number, to: number, key: number, out: Float64Array, at: number): void;
}

/** Sums of the token's own features by token key, kept across sentences and articles (exact: integers). */
const CACHE_LIMIT = 200_000;

export interface ModelScorer extends Scorer {
  cache: Map<number, Int32Array>;
  /** Called between sentences: bounds the cache (never within a sentence, whose features rely on it). */
  trim(): void;
}

export function modelScorer(m: Model): ModelScorer {
  const { table, mask, scale } = m;
  if (N_TAGS !== 9) throw new Error('modelScorer: unrolled for 9 tags');
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
  const cache = new Map<number, Int32Array>();
  return {
    transitions: m.transitions,
    cache,
    trim() {
      if (cache.size >= CACHE_LIMIT) cache.clear();
    },
    emit(feats, from, mid, to, key, out, at) {
      let own = cache.get(key);
      if (own === undefined) {
        add(feats, from, mid);
        own = acc.slice();
        cache.set(key, own);
      }
      add(feats, mid, to);
      for (let t = 0; t < N_TAGS; t++) out[at + t] += (own[t]! + acc[t]!) * scale;
    },
  };
}

let emission = new Float64Array(256 * N_TAGS);
let score = new Float64Array(256 * N_TAGS);
let back = new Int8Array(256 * N_TAGS);

/** Viterbi over n tokens, token i having features feats[offs[i]..offs[i+1]); writes tag ids into `tags`. */
export function decode(feats: Uint32Array, offs: Int32Array, mids: Int32Array, keys: Uint32Array, n: number, scorer: Scorer, tags: Uint8Array): void {
  if (n * N_TAGS > emission.length) {
    emission = new Float64Array(n * N_TAGS * 2);
    score = new Float64Array(n * N_TAGS * 2);
    back = new Int8Array(n * N_TAGS * 2);
  }
  emission.fill(0, 0, n * N_TAGS);
  for (let i = 0; i < n; i++) scorer.emit(feats, offs[i]!, mids[i]!, offs[i + 1]!, keys[i]!, emission, i * N_TAGS);
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
