// The tagger's model: feature weights, tag transitions and the hashed gazetteers, in one little-endian binary
// file. Weights are int16 with one scale; the feature table is rebuilt as an open-addressing hash at load.
import { KgError } from '../errors.js';
import { FEATURE_VERSION } from './features.js';
import { FNV_OFFSET } from './hash.js';
import { IntTable, type Lexicon, type LexiconBuilder } from './lexicon.js';
import { N_TAGS } from './tags.js';

const MAGIC = 'NGNER02\n';
const HEADER_WORDS = 8;

/** What training produces and tagging consumes. */
export interface ModelData {
  /** (N_TAGS + 1) x N_TAGS: row N_TAGS is the start of a sentence. */
  transitions: Float32Array;
  /** Sorted feature hashes and their N_TAGS weights each. */
  keys: Uint32Array;
  weights: Float32Array;
  lexicon: LexiconBuilder;
}

/**
 * A loaded model ready for scoring. Each slot of `table` is SLOT int32 words: the feature hash, then the
 * N_TAGS int16 weights packed two to a word, so one lookup touches one cache line.
 */
export interface Model {
  /** The trained float32 transitions, widened once for Viterbi's float64 sums. */
  transitions: Float64Array;
  table: Int32Array;
  mask: number;
  /** Multiplies the int16 weights back to their trained values. */
  scale: number;
  /**
   * One bit per FILTER_BITS-bit slice of a feature hash, set for the model's features: a clear bit means the
   * model lacks the feature, found in a 512 KB array that stays in cache instead of a probe of the big table
   * (most of the rare word-pair features a sentence makes are not in the model, and each probe would be a miss).
   */
  filter: Int32Array;
  lexicon: Lexicon;
}

export const SLOT = 1 + ((N_TAGS + 1) >> 1);
const FILTER_BITS = 22;
const FILTER_SHIFT = 32 - FILTER_BITS;
if (N_TAGS !== 9) throw new Error('model.ts: sumWeights is unrolled for 9 tags');

/**
 * Writes the sums of the int16 weights of the features feats[from..to) into sums[at..at + N_TAGS) (integers, so
 * the order of the additions never matters); features the model lacks weigh nothing.
 */
export function sumWeights(m: Model, feats: Uint32Array, from: number, to: number, sums: Int32Array, at: number): void {
  const { table, mask, filter } = m;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
  for (let k = from; k < to; k++) {
    const h = feats[k]! | 0;
    const f = h >>> FILTER_SHIFT;
    if ((filter[f >>> 5]! & (1 << (f & 31))) === 0) continue;
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
  sums[at] = a0;
  sums[at + 1] = a1;
  sums[at + 2] = a2;
  sums[at + 3] = a3;
  sums[at + 4] = a4;
  sums[at + 5] = a5;
  sums[at + 6] = a6;
  sums[at + 7] = a7;
  sums[at + 8] = a8;
}

/** Slots of the feature table for n features: load factor at most 1/2. */
function tableSize(n: number): number {
  let cap = 1;
  while (cap < n * 2) cap <<= 1;
  return cap;
}

/** FNV-1a over the 32-bit words of a buffer whose length is a multiple of 4 (every part of the body is). */
function checksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  let h = FNV_OFFSET;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

/** Serializes a model; the same data always gives the same bytes. */
export function encodeModel(m: ModelData): Uint8Array {
  const n = m.keys.length;
  let maxAbs = 0;
  for (let i = 0; i < m.weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(m.weights[i]!));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  // Rows go in the order of their slot in the loaded table, so that loading writes the table front to back.
  const mask = tableSize(n) - 1;
  const order = Array.from(m.keys.keys()).sort((a, b) => (m.keys[a]! & mask) - (m.keys[b]! & mask) || m.keys[a]! - m.keys[b]!);
  const keys = Uint32Array.from(order, (i) => m.keys[i]!);
  const q = new Int16Array(n * N_TAGS + ((n * N_TAGS) & 1));
  order.forEach((from, i) => {
    for (let t = 0; t < N_TAGS; t++) q[i * N_TAGS + t] = Math.round(m.weights[from * N_TAGS + t]! / scale);
  });
  const words = [...m.lexicon.words].sort((a, b) => a[0] - b[0]);
  const phrases = [...m.lexicon.phrases].sort((a, b) => a[0] - b[0]);
  const parts: ArrayBufferView[] = [
    m.transitions,
    keys,
    q,
    Uint32Array.from(words, (w) => w[0]),
    Uint32Array.from(words, (w) => w[1]),
    Uint32Array.from(phrases, (p) => p[0]),
    Uint32Array.from(phrases, (p) => p[1]),
  ];
  const bodyLen = parts.reduce((s, p) => s + p.byteLength, 0);
  const out = new Uint8Array(MAGIC.length + HEADER_WORDS * 4 + bodyLen);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  let off = MAGIC.length + HEADER_WORDS * 4;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), off);
    off += p.byteLength;
  }
  const head = new DataView(out.buffer, MAGIC.length, HEADER_WORDS * 4);
  head.setUint32(0, FEATURE_VERSION, true);
  head.setUint32(4, N_TAGS, true);
  head.setUint32(8, n, true);
  head.setUint32(12, words.length, true);
  head.setUint32(16, phrases.length, true);
  head.setUint32(20, m.lexicon.maxPhrase, true);
  head.setFloat32(24, scale, true);
  head.setUint32(28, checksum(out.subarray(MAGIC.length + HEADER_WORDS * 4)), true);
  return out;
}

/** Parses a model file; `where` names it in errors. Throws KgError E_MODEL on anything amiss. */
export function decodeModel(bytes: Uint8Array, where: string): Model {
  const fail = (why: string): never => {
    throw new KgError('E_MODEL', `NER model ${where}: ${why}. Rebuild it with \`npm run train:ner\`.`);
  };
  if (bytes.length < MAGIC.length + HEADER_WORDS * 4) fail('file is too short to be a model');
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) fail('not a newsgraph NER model (bad magic)');
  const head = new DataView(bytes.buffer, bytes.byteOffset + MAGIC.length, HEADER_WORDS * 4);
  const version = head.getUint32(0, true);
  if (version !== FEATURE_VERSION) fail(`made for feature version ${version}, this code needs ${FEATURE_VERSION}`);
  if (head.getUint32(4, true) !== N_TAGS) fail('made for another tag set');
  const n = head.getUint32(8, true), nWords = head.getUint32(12, true), nPhrases = head.getUint32(16, true);
  const maxPhrase = head.getUint32(20, true), scale = head.getFloat32(24, true);
  const body = bytes.subarray(MAGIC.length + HEADER_WORDS * 4);
  const qLen = n * N_TAGS + ((n * N_TAGS) & 1);
  const expected = ((N_TAGS + 1) * N_TAGS + n + 2 * nWords + 2 * nPhrases) * 4 + qLen * 2;
  if (body.length !== expected) fail(`damaged: ${body.length} bytes of data where ${expected} were expected`);
  // Typed views need 4-byte alignment: a file read whole starts its own buffer, so the body (after 40 header
  // bytes) is aligned as it is; a slice of a larger buffer may not be, and is copied.
  const aligned = body.byteOffset % 4 === 0 ? body : body.slice();
  if (checksum(aligned) !== head.getUint32(28, true)) fail('damaged: checksum mismatch');
  const buf = aligned.buffer;
  let off = aligned.byteOffset;
  const take = <A>(make: (b: ArrayBufferLike, o: number, l: number) => A, count: number, size: number): A => {
    const a = make(buf, off, count);
    off += count * size;
    return a;
  };
  const transitions = take((b, o, l) => new Float32Array(b, o, l), (N_TAGS + 1) * N_TAGS, 4);
  const keys = take((b, o, l) => new Uint32Array(b, o, l), n, 4);
  const q = take((b, o, l) => new Int16Array(b, o, l), qLen, 2);
  const wKeys = take((b, o, l) => new Uint32Array(b, o, l), nWords, 4);
  const wVals = take((b, o, l) => new Uint32Array(b, o, l), nWords, 4);
  const pKeys = take((b, o, l) => new Uint32Array(b, o, l), nPhrases, 4);
  const pVals = take((b, o, l) => new Uint32Array(b, o, l), nPhrases, 4);

  // Load factor at most 1/2 (short probes for the features a model lacks); hash 0 marks an empty slot (a
  // feature whose hash is 0 is dropped).
  const cap = tableSize(n);
  const mask = cap - 1;
  const table = new Int32Array(cap * SLOT);
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  for (let i = 0; i < n; i++) {
    const key = keys[i]! | 0;
    if (key === 0) continue;
    const f = keys[i]! >>> FILTER_SHIFT;
    filter[f >>> 5]! |= 1 << (f & 31);
    let s = keys[i]! & mask;
    while (table[s * SLOT] !== 0) s = (s + 1) & mask;
    const base = s * SLOT;
    table[base] = key;
    for (let t = 0; t < N_TAGS; t += 2) {
      const lo = q[i * N_TAGS + t]! & 0xffff;
      const hi = t + 1 < N_TAGS ? q[i * N_TAGS + t + 1]! : 0;
      table[base + 1 + (t >> 1)] = lo | (hi << 16);
    }
  }
  const words = new IntTable(wKeys, wVals);
  const phrases = new IntTable(pKeys, pVals);
  return { transitions: Float64Array.from(transitions), table, mask, scale, filter, lexicon: { words, phrases, maxPhrase } };
}
