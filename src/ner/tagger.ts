// Tags the names of a Doc with the trained model: features per sentence, Viterbi, then BIO tags to spans.
import type { Doc } from '../types.js';
import { harmonize } from './consistency.js';
import { FeatureExtractor } from './features.js';
import { getModel } from './load.js';
import type { Model } from './model.js';
import { O, classOf, isInside } from './tags.js';
import { type Scorer, decode, modelScorer } from './viterbi.js';

/** A tagged name: token range [first, last] of the doc and its class (index into CLASSES). */
export interface NameSpan {
  first: number;
  last: number;
  cls: number;
  sentence: number;
}

let state: { model: Model; fx: FeatureExtractor; scorer: Scorer } | undefined;
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
let tags = new Uint8Array(1024);

function ready() {
  const model = getModel();
  if (!state || state.model !== model) state = { model, fx: new FeatureExtractor(model.lexicon), scorer: modelScorer(model) };
  return state;
}

export function tagSpans(doc: Doc): NameSpan[] {
  const { fx, scorer } = ready();
  const spans: NameSpan[] = [];
  const toks = doc.tokens;
  if (toks.length > starts.length) {
    starts = new Int32Array(toks.length * 2);
    ends = new Int32Array(toks.length * 2);
    tags = new Uint8Array(toks.length * 2);
  }
  for (let i = 0; i < toks.length; i++) {
    starts[i] = toks[i]!.start;
    ends[i] = toks[i]!.end;
  }
  for (const s of doc.sentences) {
    const n = fx.extract(doc.text, starts, ends, s.tokenStart, s.tokenEnd);
    if (!n) continue;
    const out = tags.subarray(s.tokenStart, s.tokenEnd);
    decode(fx.feats, fx.offs, n, scorer, out);
    for (let i = 0; i < n; i++) {
      const t = out[i]!;
      if (t === O || isInside(t)) continue;
      let j = i;
      while (j + 1 < n && isInside(out[j + 1]!) && classOf(out[j + 1]!) === classOf(t)) j++;
      spans.push({ first: s.tokenStart + i, last: s.tokenStart + j, cls: classOf(t), sentence: s.index });
      i = j;
    }
  }
  return harmonize(doc, spans);
}
