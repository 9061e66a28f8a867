// `npm run bench`: extraction throughput (MB/s, tokens/s) and peak memory of our extractor, and of compromise
// (people/places/organizations) on the same input in the same run, with the ratio. Input: ../shared/data/bbc/
// bbc.jsonl when present (throughput only; the text stays there), else the project's sample articles.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { extract, extractAll } from '../src/extract.js';
import { recognize } from '../src/ner/index.js';
import { tagSpans } from '../src/ner/tagger.js';
import { analyze } from '../src/text/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BBC = join(ROOT, '..', 'shared', 'data', 'bbc', 'bbc.jsonl');
/** compromise runs at a few tens of KB/s: it gets a subset of this many bytes, said so in the output. */
const COMPROMISE_BYTES = Number(process.env['BENCH_COMPROMISE_BYTES'] ?? 400_000);

function loadTexts(): { source: string; texts: string[] } {
  if (existsSync(BBC)) {
    const texts = readFileSync(BBC, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
    return { source: BBC, texts };
  }
  const dir = join(ROOT, 'examples');
  const texts = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  return { source: `${dir} (bbc.jsonl not found)`, texts };
}

const mb = (texts: string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

interface Run {
  name: string;
  articles: number;
  megabytes: number;
  seconds: number;
  tokens: number;
  names: number;
  peak: number;
}

/** Times `body` over `texts` (it reports the tokens and names it saw). */
function timed(name: string, texts: string[], body: () => { tokens: number; names: number }): Run {
  const t0 = performance.now();
  const { tokens, names } = body();
  const seconds = (performance.now() - t0) / 1000;
  return { name, articles: texts.length, megabytes: mb(texts), seconds, tokens, names, peak: peakMb() };
}

/** Times `fn` on each text in turn. */
function run(name: string, texts: string[], fn: (t: string) => { tokens: number; names: number }): Run {
  return timed(name, texts, () => {
    let tokens = 0, names = 0;
    for (const t of texts) {
      const r = fn(t);
      tokens += r.tokens;
      names += r.names;
    }
    return { tokens, names };
  });
}

function row(r: Run): string {
  return `${r.name.padEnd(11)} ${String(r.articles).padStart(5)} articles ${r.megabytes.toFixed(2).padStart(6)} MB ${r.seconds.toFixed(2).padStart(7)} s ${(r.megabytes / r.seconds).toFixed(3).padStart(8)} MB/s ${Math.round(r.tokens / r.seconds).toLocaleString('en').padStart(10)} tokens/s ${String(r.names).padStart(7)} names  peak RSS ${r.peak.toFixed(0)} MB`;
}

const { source, texts } = loadTexts();
console.log(`input: ${source}`);
const startup = performance.now();
extract('Warm-up: the model loads once, here.');
console.log(`model load and warm-up: ${((performance.now() - startup) / 1000).toFixed(2)} s, peak RSS ${peakMb().toFixed(0)} MB`);

// Whole extraction as `kg extract --jsonl` runs it: stage by stage over batches of about 1 MB of text.
const batches: string[][] = [[]];
let batchBytes = 0;
for (const t of texts) {
  if (batchBytes >= 1 << 20) {
    batches.push([]);
    batchBytes = 0;
  }
  batches[batches.length - 1]!.push(t);
  batchBytes += t.length;
}
const extractBatches = () => {
  let tokens = 0, names = 0;
  for (const b of batches) {
    for (const x of extractAll(b.map((text, i) => ({ id: String(i), text })))) {
      tokens += x.doc.tokens.length;
      names += x.mentions.filter((m) => m.type !== 'role').length;
    }
  }
  return { tokens, names };
};
const ours = timed('newsgraph', texts, extractBatches);
console.log(row(ours) + '  (stage by stage over 1 MB batches, as kg extract --jsonl)');
// The same again in this process: V8 has compiled the pipeline and the name caches are full. The gap to the row
// above is what a one-shot `kg extract` pays for warming up; the rows below run warm too.
const again = timed('  again', texts, extractBatches);
console.log(row(again) + `  (the same input again: ${(ours.seconds / again.seconds).toFixed(2)}x faster warm)`);
// The NER stage (tokens, sentences, names and roles), and the name tagger alone: compromise finds only names.
const ner = run('  NER', texts, (t) => {
  const doc = analyze('b', t);
  return { tokens: doc.tokens.length, names: recognize(doc).filter((m) => m.type !== 'role').length };
});
console.log(row(ner) + '  (tokens, sentences, names, roles)');
const names = run('  names', texts, (t) => {
  const doc = analyze('b', t);
  return { tokens: doc.tokens.length, names: tagSpans(doc).length };
});
console.log(row(names) + '  (tokens, sentences, names: the tagger)');

const subset: string[] = [];
let bytes = 0;
for (const t of texts) {
  if (bytes >= COMPROMISE_BYTES) break;
  subset.push(t);
  bytes += Buffer.byteLength(t);
}
const theirs = run('compromise', subset, (t) => {
  const doc = nlp(t);
  const names = doc.people().length + doc.places().length + doc.organizations().length;
  return { tokens: doc.terms().length, names };
});
console.log(row(theirs) + (subset.length < texts.length ? `  (first ${subset.length} of ${texts.length} articles: compromise is slow)` : ''));
const ratio = ours.megabytes / ours.seconds / (theirs.megabytes / theirs.seconds);
const per = (r: Run) => (r.megabytes / r.seconds / (theirs.megabytes / theirs.seconds)).toFixed(1);
console.log(`throughput ratio to compromise (MB/s): whole extraction ${ratio.toFixed(1)}x, NER stage ${per(ner)}x, name tagger ${per(names)}x; peak RSS is the process's, so later rows include earlier ones`);
