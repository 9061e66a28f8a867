// Reading articles from files, folders and stdin: text, HTML and JSONL. Bad inputs become problems, not crashes.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../types.js';
import { decodeText } from './decode.js';
import { parseHtml } from './html.js';
import { parseJsonl } from './jsonl.js';
import type { Problem, ReadResult } from './types.js';

export { parseHtml } from './html.js';
export type { HtmlArticle } from './html.js';
export { parseJsonl } from './jsonl.js';
export { decodeText } from './decode.js';
export { formatProblem } from './types.js';
export type { Problem, ReadResult } from './types.js';

/** Extensions read from folders; a file named on its own is read whatever its extension. */
export const INPUT_EXTENSIONS = ['.txt', '.html', '.htm', '.jsonl'] as const;

export interface ReadOptions {
  /** Reads standard input, for the path `-`. Defaults to process.stdin. */
  stdin?: () => Promise<Uint8Array>;
}

type Format = 'text' | 'html' | 'jsonl';

/**
 * Reads every article of the given paths, in order (folder contents sorted, recursively). Article ids are the
 * path relative to the input root without extension (`-` is `stdin`), or the JSONL `id`; duplicate ids get
 * `-2`, `-3`... in reading order, so the same inputs always give the same ids.
 */
export async function readArticles(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const used = new Set<string>();
  // A file named twice (on its own and inside a folder given too) is read once.
  const seenFiles = new Set<string>();
  const firstTime = async (file: string) => {
    const real = await realpath(file).catch(() => path.resolve(file));
    if (seenFiles.has(real)) {
      problems.push({ file, message: 'already read (it was given twice); skipped.' });
      return false;
    }
    seenFiles.add(real);
    return true;
  };
  const add = (a: Article) => {
    let id = a.id;
    for (let n = 2; used.has(id); n++) id = `${a.id}-${n}`;
    used.add(id);
    articles.push(id === a.id ? a : { ...a, id });
  };

  for (const p of paths) {
    if (p === '-') {
      const bytes = await (options.stdin ?? readStdin)();
      readOne(bytes, '-', 'stdin', sniff(bytes), add, problems);
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      problems.push({ file: p, message: `cannot read: ${reason(e)}. Check the path.` });
      continue;
    }
    if (st.isDirectory()) {
      const files = await listFiles(p, problems);
      if (files.length === 0) problems.push({ file: p, message: `the folder holds no ${INPUT_EXTENSIONS.join(', ')} files.` });
      for (const f of files) if (await firstTime(f)) await readFileInto(f, idOf(path.relative(p, f)), formatOf(f), add, problems);
    } else if (await firstTime(p)) {
      await readFileInto(p, idOf(path.basename(p)), formatOf(p), add, problems);
    }
  }
  return { articles, problems };
}

async function readFileInto(file: string, id: string, format: Format | null, add: (a: Article) => void, problems: Problem[]) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    problems.push({ file, message: `cannot read: ${reason(e)}. Check that it is a readable file.` });
    return;
  }
  readOne(bytes, file, id, format ?? sniff(bytes), add, problems);
}

function readOne(bytes: Uint8Array, file: string, id: string, format: Format, add: (a: Article) => void, problems: Problem[]) {
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    problems.push({ file, message: decoded.error });
    return;
  }
  const { text } = decoded;
  if (format === 'jsonl') {
    const r = parseJsonl(text, file, (line) => `${id}:${line}`);
    r.articles.forEach(add);
    problems.push(...r.problems);
    return;
  }
  if (format === 'html') {
    const h = parseHtml(text);
    if (h.text.trim() === '') {
      problems.push({ file, message: 'the page has no article text (only navigation, scripts or markup). Pass the article page itself.' });
      return;
    }
    const { text: body, ...meta } = h;
    add({ id, text: body, ...meta, source: file });
    return;
  }
  const body = text.replace(/^\uFEFF/, '');
  const title = headlineOf(body);
  add({ id, text: body, ...(title ? { title } : {}), source: file });
}

/**
 * The headline of a plain-text article: its first line when that reads like one (3 to 30 words, not ending
 * like a sentence). Text files carry no metadata; without this the article node would be labelled by its id.
 */
export function headlineOf(text: string): string | undefined {
  const first = text.trimStart().split('\n', 1)[0]!.trim();
  const words = first.split(/\s+/).length;
  if (words < 3 || words > 30 || first.length > 200) return undefined;
  if (/[.!?:;,]["'”’)]?$/.test(first)) return undefined;
  return first;
}

/** Files under a folder with a known extension, sorted by relative path (code-point order) for determinism. */
async function listFiles(dir: string, problems: Problem[]): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ file: dir, message: `cannot read the folder: ${reason(e)}.` });
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full, problems)));
    else if ((INPUT_EXTENSIONS as readonly string[]).includes(path.extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}

function formatOf(file: string): Format | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl') return 'jsonl';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.txt') return 'text';
  return null;
}

/** Guesses the format of stdin or of a file with another extension from its first characters. */
function sniff(bytes: Uint8Array): Format {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'jsonl';
  if (/^<(!doctype|html|head|body|article|div|p|meta|!--)/i.test(head)) return 'html';
  return 'text';
}

/** The id of a file: its path relative to the input root, without extension, with forward slashes. */
function idOf(rel: string): string {
  const noExt = rel.slice(0, rel.length - path.extname(rel).length);
  return noExt.split(path.sep).join('/');
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (e as Error).message;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
