// `kg extract`: per-article mentions and relations without a graph. The --jsonl path streams stdin line by line
// and imports only the extraction pipeline (it is benchmarked whole-process).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { KgError } from '../errors.js';
import { extract } from '../extract.js';
import { ARTICLE_TARGET } from '../types.js';
import type { Extraction } from '../types.js';
import { ChunkWriter, warn } from './output.js';

export interface ExtractFlags {
  jsonl?: boolean;
  json?: boolean;
}

/** The JSON record of one article: mentions with offsets, relations by entity name. */
export function extractionRecord(x: Extraction): object {
  const name = (i: number) => (i === ARTICLE_TARGET ? null : x.entities[i]!.name);
  return {
    id: x.article.id,
    mentions: x.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text })),
    relations: x.relations.map((r) => {
      const out: Record<string, unknown> = { type: r.type, source: name(r.source), target: name(r.target) };
      if (r.modality !== undefined) out.modality = r.modality;
      if (r.place !== undefined) out.place = r.place;
      if (r.date !== undefined) out.date = r.date;
      out.sentence = r.evidence.text;
      return out;
    }),
  };
}

export async function extractCommand(files: string[], flags: ExtractFlags): Promise<number> {
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

/** Reads {"id","text"} lines (stdin, or the files given) and prints one JSON line per good input line. */
async function extractJsonl(files: string[]): Promise<number> {
  const out = new ChunkWriter();
  let good = 0;
  let bad = 0;
  for (const file of files.length ? files : ['-']) {
    const input = file === '-' ? process.stdin : createReadStream(file);
    const where = file === '-' ? 'stdin' : file;
    const lines = createInterface({ input, crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        let rec: { id?: unknown; text?: unknown };
        try {
          rec = JSON.parse(line);
        } catch {
          warn('extract', `${where}:${n}: not valid JSON; skipped. Each line must be {"id":"...","text":"..."}.`);
          bad++;
          continue;
        }
        if (typeof rec?.text !== 'string') {
          warn('extract', `${where}:${n}: no "text" string; skipped.`);
          bad++;
          continue;
        }
        const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : `${where}:${n}`;
        await out.write(`${JSON.stringify(extractionRecord(extract({ id, text: rec.text })))}\n`);
        good++;
      }
    } catch (e) {
      throw new KgError('E_INPUT', `cannot read "${where}": ${(e as Error).message}.`);
    }
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
    lines.push(`  ${e.type.padEnd(12)} ${e.name}${e.of ? ` (of ${e.of})` : ''}  [${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}${aliases}]`);
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
