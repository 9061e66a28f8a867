// The tagger's per-word-type sums (wordtypes.ts) must give exactly the scores of summing every feature of
// FeatureExtractor.extract one by one (the definition training uses), whatever was read before.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocWords, WordBits } from '../src/ner/docwords.js';
import { FeatureExtractor } from '../src/ner/features.js';
import { FNV_OFFSET, fnvStep } from '../src/ner/hash.js';
import { getModel } from '../src/ner/load.js';
import { sumWeights } from '../src/ner/model.js';
import { N_TAGS } from '../src/ner/tags.js';
import { WordTypes } from '../src/ner/wordtypes.js';
import { TokenWords } from '../src/ner/words.js';
import { analyze } from '../src/text/index.js';
import type { Doc } from '../src/types.js';

/** Our own texts of every kind: articles, a results table, headlines, one-word lines. */
const TEXTS = [
  ...readdirSync('examples').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`examples/${f}`, 'utf8')),
  'SOCCER - LEAGUE RESULTS\nLeeds 2 Hull 1\nBOSTON 80 60 .571\nAtlanta 6 Chicago 5',
  'Minister\nOslo\n"Yes."\nMr. Jonas Berg-Hansen, 54, told NRK on Monday: “We will not sign.”',
  'THE NORTHERN FLEET SAILS WEST\nIn Tallinn, the Estonian Defence Ministry said the CERT-EE team had met twice.',
];

/** Emission scores of every sentence of a doc, by the word-type sums. */
function byTypes(types: WordTypes, doc: Doc): Float64Array[] {
  const words = new TokenWords();
  const fx = new FeatureExtractor(getModel().lexicon);
  types.read(doc.text, doc.tokens, words);
  fx.doc = docMap(words, doc);
  return doc.sentences.map((s) => {
    const n = fx.extractContext(words, s.tokenStart, s.tokenEnd);
    const out = new Float64Array(n * N_TAGS);
    types.emissions(s.tokenStart, n, fx.feats, fx.offs, out);
    return out;
  });
}

/** Emission scores of every sentence of a doc, summing every feature of the full extraction. */
function byFeatures(doc: Doc): Float64Array[] {
  const m = getModel();
  const words = new TokenWords();
  const fx = new FeatureExtractor(m.lexicon);
  const starts = doc.tokens.map((t) => t.start), ends = doc.tokens.map((t) => t.end);
  words.reserve(doc.tokens.length);
  words.fill(m.lexicon, doc.text, starts, ends, 0, doc.tokens.length);
  fx.doc = docMap(words, doc);
  return doc.sentences.map((s) => {
    const n = fx.extract(words, doc.text, starts, ends, s.tokenStart, s.tokenEnd);
    const sums = new Int32Array(n * N_TAGS);
    for (let i = 0; i < n; i++) sumWeights(m, fx.feats, fx.offs[i]!, fx.offs[i + 1]!, sums, i * N_TAGS);
    return Float64Array.from(sums, (v) => v * m.scale);
  });
}

function docMap(words: TokenWords, doc: Doc): WordBits {
  const dw = new DocWords();
  for (const s of doc.sentences) dw.add(words, s.tokenStart, s.tokenEnd);
  return dw.map;
}

describe('word-type sums', () => {
  const docs = TEXTS.map((t, i) => analyze(`t${i}`, t));

  it('equal the sums of every feature, sentence by sentence', () => {
    const types = new WordTypes(getModel());
    for (const doc of docs) expect(byTypes(types, doc)).toEqual(byFeatures(doc));
  });

  it('tell apart two words whose first hash is the same (the second hash confirms a match)', () => {
    // "bwfgaa" and "zidhaa" have one FNV-1a hash as the table keeps it (lowest bit set, 0 marking an empty slot):
    // found by going through six-letter words in order.
    const fnv = (w: string) => [...w].reduce((h, c) => fnvStep(h, c.charCodeAt(0)), FNV_OFFSET) | 1;
    expect(fnv('bwfgaa')).toBe(fnv('zidhaa'));
    const doc = analyze('c', 'bwfgaa zidhaa bwfgaa zidhaa');
    const words = new TokenWords();
    new WordTypes(getModel()).read(doc.text, doc.tokens, words);
    const lower = Array.from(words.lower.subarray(0, 4));
    expect(lower[0]).not.toBe(lower[1]);
    expect(lower).toEqual([lower[0], lower[1], lower[0], lower[1]]);
    expect(byTypes(new WordTypes(getModel()), doc)).toEqual(byFeatures(doc));
  });

  it('do not depend on the articles read before, nor on the table starting over', () => {
    const forward = new WordTypes(getModel());
    const first = docs.map((d) => byTypes(forward, d));
    const backward = new WordTypes(getModel());
    const reversed = [...docs].reverse().map((d) => byTypes(backward, d)).reverse();
    expect(reversed).toEqual(first);
    // A table of 600 types starts over at almost every article here.
    const small = new WordTypes(getModel(), 600);
    expect(docs.map((d) => byTypes(small, d))).toEqual(first);
  });

  it('hold when the tables grow: more word types and tokens than they start with', () => {
    // 70,000 distinct ten-letter words in one article: past the first size of the type table (2^16 types), of the
    // per-article token ids (2^14) and of the article's word bits (2^12 words).
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (i: number) => {
      let w = 'q';
      for (let k = 0; k < 9; k++, i = Math.floor(i / 26)) w += letters[i % 26];
      return w;
    };
    const sentences: string[] = [];
    for (let i = 0; i < 70_000; i += 10) sentences.push(`${Array.from({ length: 10 }, (_, k) => word(i + k)).join(' ')}.`);
    const doc = analyze('big', sentences.join(' '));
    expect(byTypes(new WordTypes(getModel()), doc)).toEqual(byFeatures(doc));
  });

  it('are the same for a stretch of a sentence as for the whole sentence (the tagger scores stretches)', () => {
    const model = getModel();
    for (const doc of docs) {
      const whole = byTypes(new WordTypes(model), doc);
      const types = new WordTypes(model);
      const words = new TokenWords();
      const fx = new FeatureExtractor(model.lexicon);
      types.read(doc.text, doc.tokens, words);
      fx.doc = docMap(words, doc);
      doc.sentences.forEach((s, k) => {
        const n = s.tokenEnd - s.tokenStart;
        // Every third token left out: stretches of two, inside the sentence and at its edges.
        const keep = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 0 : 1));
        fx.extractContext(words, s.tokenStart, s.tokenEnd, keep);
        const out = new Float64Array(n * N_TAGS);
        for (let a = 0; a < n; a++) {
          if (!keep[a]) continue;
          const b = a + 1 < n && keep[a + 1] ? a + 2 : a + 1;
          types.emissions(s.tokenStart, n, fx.feats, fx.offs, out, a, b);
          a = b - 1;
        }
        for (let i = 0; i < n; i++) {
          if (keep[i]) expect(Array.from(out.subarray(i * N_TAGS, (i + 1) * N_TAGS))).toEqual(Array.from(whole[k]!.subarray(i * N_TAGS, (i + 1) * N_TAGS)));
        }
      });
    }
  });

  it('do not depend on the pair cache, even when adjacent pairs share its slots', () => {
    const first = docs.map((d) => byTypes(new WordTypes(getModel()), d));
    // Two slots: the pair after a token often evicts the pair before it.
    const tiny = new WordTypes(getModel(), undefined, 1);
    expect(docs.map((d) => byTypes(tiny, d))).toEqual(first);
  });
});
