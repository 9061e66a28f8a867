// One batch of `kg extract --jsonl` input lines -> output lines and warnings. Shared by the in-process path and
// the worker threads, so both print exactly the same thing.
import { extractAll } from '../extract.js';
import type { Article } from '../types.js';
import { extractionRecord } from './record.js';

export interface InputLine {
  /** Where the line comes from (`stdin` or a file) and its 1-based number, for warnings. */
  where: string;
  n: number;
  line: string;
}

export interface BatchResult {
  out: string;
  warnings: string[];
  good: number;
  bad: number;
}

export function runBatch(lines: InputLine[]): BatchResult {
  const warnings: string[] = [];
  const articles: Article[] = [];
  let bad = 0;
  for (const { where, n, line } of lines) {
    let rec: { id?: unknown; text?: unknown };
    try {
      rec = JSON.parse(line);
    } catch {
      warnings.push(`${where}:${n}: not valid JSON; skipped. Each line must be {"id":"...","text":"..."}.`);
      bad++;
      continue;
    }
    if (typeof rec?.text !== 'string') {
      warnings.push(`${where}:${n}: no "text" string; skipped.`);
      bad++;
      continue;
    }
    const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : `${where}:${n}`;
    articles.push({ id, text: rec.text });
  }
  let out = '';
  for (const x of extractAll(articles)) out += `${JSON.stringify(extractionRecord(x))}\n`;
  return { out, warnings, good: articles.length, bad };
}
