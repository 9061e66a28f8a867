// `kg extract`: per-article mentions and relations without a graph. The --jsonl path streams stdin line by line
// and imports only the extraction pipeline (it is benchmarked whole-process).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { KgError } from '../errors.js';
import { extract } from '../extract.js';
import { ARTICLE_TARGET } from '../types.js';
import type { Extraction } from '../types.js';
import { runBatch } from './jsonl-batch.js';
import type { BatchResult, InputLine } from './jsonl-batch.js';
import { BATCH_CHARS, PARALLEL_FROM, Pool, workerCount } from './pool.js';
import { ChunkWriter, warn } from './output.js';
import { extractionRecord } from './record.js';

export interface ExtractFlags {
  jsonl?: boolean;
  json?: boolean;
}

export async function extractCommand(files: string[], flags: ExtractFlags): Promise<number> {
  // Without files the articles come on stdin; a terminal there means the user expected something else.
  if (files.length === 0 && process.stdin.isTTY) {
    throw new KgError('E_USAGE', 'give article files, or pipe articles in (e.g. `kg extract --jsonl < articles.jsonl`). See kg extract --help.');
  }
  if (flags.jsonl) return extractJsonl(files);
  const { readArticles, formatProblem } = await import('../ingest/index.js');
  const { articles, problems } = await readArticles(files.length ? files : ['-']);
  for (const p of problems) warn('extract', formatProblem(p));
  if (articles.length === 0) throw new KgError('E_NO_ARTICLES', 'no article could be read; see the problems above.');
  const out = new ChunkWriter();
  for (const a of articles) {
    const x = extract(a);
    await out.write(flags.json ? `${JSON.stringify(extractionRecord(x))}\n` : describe(x));
  }
  await out.flush();
  return 0;
}

/** Characters of input extracted together in this thread: about 450 news articles, some tens of MB of memory. */
const IN_PROCESS_BATCH_CHARS = 1 << 20;

/**
 * Reads {"id","text"} lines (stdin, or the files given) and prints one JSON line per good input line, in input
 * order. With KG_WORKERS=N, big inputs are extracted on N worker threads in batches (see pool.ts).
 */
async function extractJsonl(files: string[]): Promise<number> {
  const out = new ChunkWriter();
  const size = workerCount();
  let pool: Pool<BatchResult> | undefined;
  let held: InputLine[][] = [];
  let heldChars = 0;
  let batch: InputLine[] = [];
  let batchChars = 0;
  let good = 0;
  let bad = 0;
  // In this thread, bigger batches: extraction runs stage by stage over a batch (extractAll), faster over a few
  // hundred articles than over a few dozen.
  const batchLimit = size <= 1 ? IN_PROCESS_BATCH_CHARS : BATCH_CHARS;

  const emit = async (r: BatchResult) => {
    for (const w of r.warnings) warn('extract', w);
    good += r.good;
    bad += r.bad;
    await out.write(r.out);
  };
  // Writes what is finished; waits while too much is in flight (or, at the end, until all is done).
  const drain = async (all: boolean) => {
    if (!pool) return;
    for (;;) {
      for (const r of pool.take()) await emit(r);
      if (pool.pending === 0 || (!all && pool.pending < size * 3)) return;
      await pool.wait();
    }
  };
  const sendBatch = async () => {
    if (batch.length === 0) return;
    const b = batch;
    const chars = batchChars;
    batch = [];
    batchChars = 0;
    if (pool) {
      pool.submit({ kind: 'lines', lines: b });
      await drain(false);
    } else if (size <= 1) {
      await emit(runBatch(b));
    } else {
      held.push(b);
      heldChars += chars;
      if (heldChars >= PARALLEL_FROM) {
        pool = new Pool<BatchResult>(size);
        for (const h of held) pool.submit({ kind: 'lines', lines: h });
        held = [];
        await drain(false);
      }
    }
  };

  try {
    for (const file of files.length ? files : ['-']) {
      const input = file === '-' ? process.stdin : createReadStream(file);
      const where = file === '-' ? 'stdin' : file;
      const lines = createInterface({ input, crlfDelay: Infinity });
      let n = 0;
      try {
        for await (const line of lines) {
          n++;
          if (line.trim() === '') continue;
          batch.push({ where, n, line });
          batchChars += line.length;
          if (batchChars >= batchLimit) await sendBatch();
        }
      } catch (e) {
        if (e instanceof KgError) throw e;
        throw new KgError('E_INPUT', `cannot read "${where}": ${(e as Error).message}.`);
      }
    }
    await sendBatch();
    // A small input never started the pool: extract it here.
    for (const h of held) await emit(runBatch(h));
    await drain(true);
  } finally {
    await pool?.close();
  }
  await out.flush();
  return good === 0 && bad > 0 ? 1 : 0;
}

/** A human-readable report of one article. */
function describe(x: Extraction): string {
  const lines = [`== ${x.article.id}${x.article.title ? ` (${x.article.title})` : ''}`];
  const ents = [...x.entities].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  for (const e of ents) {
    const aliases = e.aliases.length ? `; also ${e.aliases.map((s) => `"${s}"`).join(', ')}` : '';
    lines.push(`  ${e.type.padEnd(12)} ${e.name}${e.of && !e.name.includes(e.of) ? ` (of ${e.of})` : ''}  [${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}${aliases}]`);
  }
  if (ents.length === 0) lines.push('  (no entities)');
  for (const r of x.relations) {
    const src = x.entities[r.source]!.name;
    const tgt = r.target === ARTICLE_TARGET ? '(this article)' : x.entities[r.target]!.name;
    const mod = r.modality && r.modality !== 'occurred' ? ` [${r.modality}]` : '';
    lines.push(`  ${r.type}: ${src} -> ${tgt}${mod}`);
    lines.push(`      "${r.evidence.text.replace(/\s+/g, ' ').trim()}"`);
  }
  return `${lines.join('\n')}\n\n`;
}
