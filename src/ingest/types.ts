// What reading inputs gives back: the articles, and one problem per input that could not be used.
import type { Article } from '../types.js';

/** One input (file, line or stream) that was skipped, with what to do about it. */
export interface Problem {
  /** The file (or `-` for stdin) the problem is in. */
  file: string;
  /** 1-based line number for JSONL inputs. */
  line?: number;
  message: string;
}

export interface ReadResult {
  articles: Article[];
  problems: Problem[];
}

/** Formats a problem as one line: `file:line: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}
