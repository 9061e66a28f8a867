// JSONL input: one article per line, {"id","text","url"?,"title"?,"date"?,"outlet"?}; bad lines are problems.
import type { Article } from '../types.js';
import type { Problem } from './types.js';

const OPTIONAL = ['url', 'title', 'date', 'outlet'] as const;

/** Parses JSONL text. `fallbackId(n)` names a line's article when it has no `id`. */
export function parseJsonl(text: string, file: string, fallbackId: (line: number) => string): { articles: Article[]; problems: Problem[] } {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const line = i + 1;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (e) {
      problems.push({ file, line, message: `not valid JSON (${(e as Error).message}). Each line must be one JSON object like {"id":"a1","text":"..."}.` });
      continue;
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      problems.push({ file, line, message: 'not a JSON object. Each line must be one object like {"id":"a1","text":"..."}.' });
      continue;
    }
    const r = rec as Record<string, unknown>;
    if (typeof r.text !== 'string' || r.text.trim() === '') {
      problems.push({ file, line, message: 'no "text" (or it is empty). Give each line the article text in a "text" string field.' });
      continue;
    }
    const id = typeof r.id === 'string' && r.id.trim() !== '' ? r.id.trim() : typeof r.id === 'number' ? String(r.id) : fallbackId(line);
    const article: Article = { id, text: r.text, source: `${file}:${line}` };
    for (const k of OPTIONAL) if (typeof r[k] === 'string' && (r[k] as string).trim() !== '') article[k] = (r[k] as string).trim();
    articles.push(article);
  }
  return { articles, problems };
}
