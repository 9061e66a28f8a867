// One batch of `kg extract --jsonl` input lines -> output lines and warnings. Shared by the in-process path and
// the worker threads, so both print exactly the same thing.
import { extract } from '../extract.js';
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
  let out = '';
  const warnings: string[] = [];
  let good = 0;
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
    out += `${JSON.stringify(extractionRecord(extract({ id, text: rec.text })))}\n`;
    good++;
  }
  return { out, warnings, good, bad };
}
