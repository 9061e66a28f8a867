// `kg build`: read articles, build (or merge into) a graph, lay it out, write it atomically, print a summary.
import { access } from 'node:fs/promises';
import { KgError } from '../errors.js';
import { articleKey, buildGraph, loadGraph, saveGraph, summarizeGraph } from '../graph/index.js';
import type { KgGraph } from '../graph/index.js';
import { formatProblem, readArticles } from '../ingest/index.js';
import type { Article, Extraction } from '../types.js';
import { warn } from './output.js';
import { extractInParallel } from './pool.js';

export interface BuildFlags {
  output: string;
  merge?: boolean;
  layout?: boolean;
}

export async function buildCommand(inputs: string[], flags: BuildFlags): Promise<number> {
  const t0 = process.hrtime.bigint();
  const out = flags.output;
  // Check the output first: a file there that is not a graph (a typo in -o?) must never be replaced.
  let existing: KgGraph | undefined;
  if (await exists(out)) {
    try {
      existing = await loadGraph(out);
    } catch (e) {
      if (e instanceof KgError) {
        throw new KgError('E_GRAPH_LOAD', `${e.message} It was left as it is; pass another -o path or move the file away.`);
      }
      throw e;
    }
  }

  const { articles, problems } = await readArticles(inputs);
  for (const p of problems) warn('build', formatProblem(p));
  if (articles.length === 0) {
    throw new KgError('E_NO_ARTICLES', `no article could be read from ${inputs.join(', ')}${problems.length ? ' (see the problems above)' : ''}; ${out} was not written.`);
  }

  const tRead = Number(process.hrtime.bigint() - t0) / 1e9;
  const skipped: string[] = [];
  const skip = (id: string, reason: string) => {
    skipped.push(id);
    warn('build', `article "${id}": ${reason}.`);
  };
  // Articles already in the graph we merge into are left out before extraction, which they would only waste.
  const into = flags.merge ? existing : undefined;
  const fresh: Article[] = [];
  for (const a of articles) {
    if (into?.hasNode(articleKey(a.id))) skip(a.id, 'already in the graph; build without --merge to rebuild it');
    else fresh.push(a);
  }
  if (into && fresh.length === 0) {
    process.stdout.write(`kg build: nothing new (${articles.length} article${articles.length === 1 ? '' : 's'} already in ${out}); the graph was left as it is\n`);
    return 0;
  }

  const timings: Record<string, number> = {};
  // With KG_WORKERS=N, big inputs are extracted on worker threads first; buildGraph takes extractions as they are.
  const tExtract = process.hrtime.bigint();
  // In id order, as buildGraph would extract them (see there).
  fresh.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const extracted = await extractInParallel<Extraction>(fresh);
  if (extracted) timings.extract = Number(process.hrtime.bigint() - tExtract) / 1e9;
  const graph = buildGraph(extracted ?? fresh, {
    timings,
    ...(into ? { into } : {}),
    layout: flags.layout !== false,
    onSkip: skip,
  });
  const tWrite = process.hrtime.bigint();
  await saveGraph(graph, out);
  timings.write = Number(process.hrtime.bigint() - tWrite) / 1e9;

  const s = summarizeGraph(graph);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const line = (counts: Record<string, number>) =>
    Object.keys(counts).length
      ? Object.entries(counts)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([t, n]) => `${n} ${t}`)
          .join(', ')
      : 'none';
  const read = articles.length - skipped.length;
  const lines = [
    `kg build: ${read} article${read === 1 ? '' : 's'} read, ${problems.length + skipped.length} skipped`,
    `  entities:  ${line(s.entities)}`,
    `  relations: ${line(s.relations)}`,
    `  wrote ${out}${flags.merge && existing ? ' (merged into the existing graph)' : ''}: ${s.nodes} nodes, ${s.edges} edges, ${s.articles} article${s.articles === 1 ? '' : 's'} in ${secs.toFixed(2)} s`,
    `  (${[['read', tRead], ...Object.entries(timings)].map(([k, v]) => `${k} ${(v as number).toFixed(2)}`).join(', ')} s)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}
