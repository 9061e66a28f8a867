// Tags the names of a Doc with the trained model: features per sentence, Viterbi, then BIO tags to spans.
import type { Doc } from '../types.js';
import { LEGAL, harmonize, nameSpan } from './consistency.js';
import { DocWords } from './docwords.js';
import { FeatureExtractor } from './features.js';
import { getModel } from './load.js';
import type { Model } from './model.js';
import { GZ_B, GZ_L, GZ_U } from './features.js';
import { PHRASE, WORD, phraseStep } from './lexicon.js';
import { CLASSES, N_TAGS, O, begin, classOf, inside as inside_, isInside, SENTENCE_ROOM } from './tags.js';
import { decode } from './viterbi.js';
import { isCapitalized } from './shape.js';
import { WordTypes } from './wordtypes.js';
import { TokenWords } from './words.js';

/** A tagged name: token range [first, last] of the doc and its class (index into CLASSES). */
export interface NameSpan {
  first: number;
  last: number;
  cls: number;
  sentence: number;
  /** The tagger's score for reading the name as each class (see classScores); absent for names found by rules. */
  scores?: number[];
}

let state: { model: Model; fx: FeatureExtractor; docWords: DocWords; types: WordTypes; words: TokenWords } | undefined;
/** The tags of the sentence being tagged (reused: one sentence at a time). */
let tags = new Uint8Array(SENTENCE_ROOM);
let emission = new Float64Array(SENTENCE_ROOM * N_TAGS);

function ready() {
  const model = getModel();
  if (!state || state.model !== model) {
    state = { model, fx: new FeatureExtractor(model.lexicon), docWords: new DocWords(), types: new WordTypes(model), words: new TokenWords() };
  }
  return state;
}

export function tagSpans(doc: Doc): NameSpan[] {
  const { model, fx, docWords, types, words } = ready();
  const spans: NameSpan[] = [];
  const toks = doc.tokens;
  types.read(doc.text, toks, words);
  docWords.clear();
  for (const s of doc.sentences) docWords.add(words, s.tokenStart, s.tokenEnd);
  fx.doc = docWords.map;
  fx.docTable = sportsLevel(docWords);
  for (const s of doc.sentences) {
    const n = s.tokenEnd - s.tokenStart;
    if (!n) continue;
    if (n > near.length) near = new Uint8Array(n * 2);
    markNear(words.kase, s.tokenStart, n, near);
    fx.extractContext(words, s.tokenStart, s.tokenEnd, near);
    if (n * N_TAGS > emission.length) emission = new Float64Array(n * N_TAGS * 2);
    if (n > tags.length) tags = new Uint8Array(n * 2);
    const out = tags;
    // Decoded stretch by stretch: the tokens near capitalized words; the others are O.
    for (let a = 0; a < n; ) {
      if (!near[a]) {
        out[a++] = O;
        continue;
      }
      let b = a + 1;
      while (b < n && near[b]) b++;
      types.emissions(s.tokenStart, n, fx.feats, fx.offs, emission, a, b);
      decode(emission, n, model.transitions, out, a, b);
      a = b;
    }
    mergePlaces(fx, out, n);
    placeFallback(fx, words.wbits, doc, s.tokenStart, out, n);
    for (let i = 0; i < n; i++) {
      const t = out[i]!;
      if (t === O || isInside(t)) continue;
      let j = i;
      while (j + 1 < n && isInside(out[j + 1]!) && classOf(out[j + 1]!) === classOf(t)) j++;
      let cls = classOf(t);
      // We report no MISC: a MISC name that is exactly a known place ("the Anchorage agreements") is that place.
      if (cls === MISC && isPlacePhrase(fx, i, j)) cls = LOC;
      // A country's name alone is a place even where it stands for its national side ("dropped by England"):
      // news convention, and one node per country in the graph.
      else if (cls === ORG && isPlacePhrase(fx, i, j, PHRASE.country)) cls = LOC;
      const scores = classScores(emission, model.transitions, out, n, i, j);
      pushTidy(doc, spans, s.tokenStart + i, s.tokenStart + j, cls, s.index, scores);
      i = j;
    }
  }
  const { lower, wbits } = words;
  const isOrgKey = (i: number) => (wbits[i]! & WORD.orgKey) !== 0;
  const phrases = model.lexicon.phrases;
  // Made for every article, used on sports pages: code that first runs at the first sports page would be
  // compiled again (see LINE in features.ts).
  const sports = {
    isCountry: (first: number, last: number) => {
      let h = 0;
      for (let i = first; i <= last; i++) h = phraseStep(h, lower[i]!);
      const bits = phrases.get(h) ?? 0;
      return (bits & PHRASE.country) !== 0 && (bits & PHRASE.demonym) === 0;
    },
  };
  return harmonize(doc, spans, isOrgKey, fx.docTable ? sports : undefined);
}

/**
 * How far (in tokens) from a capitalized word the tagger looks for names. Names are capitalized words and what
 * joins them ("Bank of England", "Rio de la Plata", "Channel 4"); lower-case running text further away is outside
 * any, and skipping it saves most of the tagging (on the BBC set 57% of the tokens are further than 2 from a
 * capitalized word). A full decode of the BBC set and the CoNLL-2003 dev split tags 14 of those 590,000 tokens,
 * 12 of them as MISC, which is never reported. A sentence without a capitalized word (lower-case text) is
 * decoded whole.
 */
const NEAR = 2;
let near = new Uint8Array(SENTENCE_ROOM);

/** Sets near[i] for the tokens of the sentence [from, from + n) within NEAR tokens of a capitalized word. */
export function markNear(kase: Uint8Array, from: number, n: number, near: Uint8Array): void {
  let since = NEAR + 1, any = false;
  for (let i = 0; i < n; i++) {
    if (isCapitalized(kase[from + i]!)) (since = 0), (any = true);
    else since++;
    near[i] = since <= NEAR ? 1 : 0;
  }
  if (!any) {
    near.fill(1, 0, n);
    return;
  }
  let until = NEAR + 1;
  for (let i = n - 1; i >= 0; i--) {
    until = isCapitalized(kase[from + i]!) ? 0 : until + 1;
    if (until <= NEAR) near[i] = 1;
  }
}

/**
 * How much an article reads like a sports page: 2 with results or standings tables (two table-like lines, see
 * DocWords.tableLines), 1 with three words or more of sports reporting, else 0.
 */
export function sportsLevel(w: DocWords): number {
  return w.tableLines >= 2 ? 2 : w.sportWords >= 3 ? 1 : 0;
}
const PLACE_PHRASE = PHRASE.country | PHRASE.city | PHRASE.region;
const LOC = CLASSES.indexOf('LOC');
const MISC = CLASSES.indexOf('MISC');
const ORG = CLASSES.indexOf('ORG');

/** Tokens [i, j] are one whole country, city or region of the gazetteer (and not a demonym). */
function isPlacePhrase(fx: FeatureExtractor, i: number, j: number, kinds: number = PLACE_PHRASE): boolean {
  const bits = fx.gzBits[i]!;
  if (!(bits & kinds) || bits & PHRASE.demonym) return false;
  if (i === j) return fx.gzPos[i] === GZ_U;
  return fx.gzPos[i] === GZ_B && fx.gzPos[j] === GZ_L;
}

/**
 * A country, city or region of several words ("Sri Lanka", "Czech Republic") that the tagger cut into pieces
 * (a MISC "Czech" and a place "Republic") becomes one place, when all the names inside lie within it.
 */
function mergePlaces(fx: FeatureExtractor, tags: Uint8Array, n: number): void {
  const { gzBits, gzPos } = fx;
  for (let i = 0; i < n; i++) {
    if (gzPos[i] !== GZ_B || !(gzBits[i]! & PLACE_PHRASE)) continue;
    let j = i;
    do j++;
    while (j < n && gzPos[j] !== GZ_L);
    if (j >= n) break;
    const inside = j + 1 < n && isInside(tags[j + 1]!);
    // Whole already when it is one span of any class: "KANSAS CITY 61 74" tagged as one club stays a club.
    const first = tags[i]!;
    let named = 0, whole = first !== O && !isInside(first);
    for (let k = i; k <= j; k++) {
      if (tags[k] !== O) named++;
      if (k > i && tags[k] !== inside_(classOf(first))) whole = false;
    }
    if (!whole && !inside && named > 0 && tags[i] !== O && !isInside(tags[i]!)) {
      tags[i] = begin(LOC);
      for (let k = i + 1; k <= j; k++) tags[k] = inside_(LOC);
    }
    i = j;
  }
}

/**
 * Adds a tagged span, tidied: a spaced dash splits it in two ("Brazil - Giovanni" on a results line is a place
 * and a person), so do a comma in an organization ("Mercantile, Commerce" are two banks), a number inside it and
 * "and" after a company's legal form ("X Inc and Y Corp"); numbers and a spaced period at its end are left out
 * ("Durham 114", "Zidane 46th", "Acme Inc ."), as a name rarely ends in one, and so is a "-based" opening
 * ("Ohio-based KeyCorp").
 */
function pushTidy(doc: Doc, spans: NameSpan[], first: number, last: number, cls: number, sentence: number, scores: number[]): void {
  const toks = doc.tokens;
  for (let k = first + 1; k < last; k++) {
    const t = toks[k]!;
    // Two companies joined by "and", the first with its legal form ("X Inc and Y Corp"), are two names.
    const legalAnd = cls === ORG && t.text === 'and' && LEGAL.has(toks[k - 1]!.text.replace(/\.$/, '').toLowerCase());
    // A number between two names is a score on a results line ("Atlanta 6 Chicago 5"), not part of one name.
    const score = /^\d+$/.test(t.text);
    const spaced = toks[k - 1]!.end < t.start && t.end < toks[k + 1]!.start;
    // A comma inside an organization parts two of them; a place keeps it ("Washington, D.C.").
    if (legalAnd || score || (spaced && t.text === '-') || (cls === ORG && t.text === ',')) {
      pushTidy(doc, spans, first, k - 1, cls, sentence, scores);
      pushTidy(doc, spans, k + 1, last, cls, sentence, scores);
      return;
    }
  }
  for (let k = last - 1; k >= first; k--) {
    if (toks[k]!.text.endsWith('-based')) {
      first = k + 1;
      break;
    }
  }
  while (last > first && (isDigit(toks[last]!.text.charCodeAt(0)) || (toks[last]!.text === '.' && toks[last - 1]!.end < toks[last]!.start))) last--;
  spans.push(nameSpan(first, last, cls, sentence, scores));
}

/**
 * The score of the sentence's tag path with tokens [i, j] read as each class in turn (B then I tags), the rest of
 * the path as decoded: how far the tagger preferred its class to the others for this name, at the cost of a few
 * additions instead of a second Viterbi pass.
 */
function classScores(em: Float64Array, tr: Float64Array, tags: Uint8Array, n: number, i: number, j: number): number[] {
  const prev = i > 0 ? tags[i - 1]! : N_TAGS;
  const scores: number[] = [];
  for (let c = 0; c < CLASSES.length; c++) {
    const b = begin(c), inner = inside_(c);
    let v = tr[prev * N_TAGS + b]! + em[i * N_TAGS + b]!;
    for (let k = i + 1; k <= j; k++) v += tr[(k === i + 1 ? b : inner) * N_TAGS + inner]! + em[k * N_TAGS + inner]!;
    if (j + 1 < n) v += tr[(j > i ? inner : b) * N_TAGS + tags[j + 1]!]!;
    scores.push(v);
  }
  return scores;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A capitalized word of running text that the tagger left out but the gazetteer knows as a whole country, city
 * or region ("the earlier 'Anchorage agreements'") is a place, unless it is also a common lower-case word
 * ("Reading", "Nice") or a demonym. Only in sentences of ordinary case: headlines capitalize everything.
 */
function placeFallback(fx: FeatureExtractor, wbits: Uint32Array, doc: Doc, base: number, tags: Uint8Array, n: number): void {
  const { gzBits, gzPos } = fx;
  for (let i = 1; i < n; i++) {
    if (tags[i] !== O || gzPos[i] !== GZ_U || !(gzBits[i]! & PLACE_PHRASE) || gzBits[i]! & PHRASE.demonym) continue;
    const t = doc.tokens[base + i]!;
    const c = doc.text.charCodeAt(t.start);
    if (c < 65 || c > 90 || t.end - t.start < 3) continue;
    if (wbits[base + i]! & (WORD.mostlyLower | WORD.mixedCase) || CALENDAR.has(t.text)) continue;
    // Not glued to other capitalized words the tagger chose to leave out.
    const prev = doc.tokens[base + i - 1]!, next = i + 1 < n ? doc.tokens[base + i + 1]! : null;
    if (i > 1 && tags[i - 1] === O && startsAsciiUpperAt(doc.text, prev.start)) continue;
    if (next && startsAsciiUpperAt(doc.text, next.start)) continue;
    if (fx.lineOf() !== 0) return;
    tags[i] = begin(LOC);
  }
}

/** Month and day names, some of which are also towns ("March", "Sunday"). */
const CALENDAR = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '),
);

/**
 * Whether text[at] is A-Z. Only ASCII capitals, unlike consistency.ts's startsUpperAt: the fallback (which tests
 * its own token the same way) looks for ordinary English capitals next to a place name.
 */
function startsAsciiUpperAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 65 && c <= 90;
}
