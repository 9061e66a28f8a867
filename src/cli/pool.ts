// Extraction on worker threads (opt-in, KG_WORKERS=N): jobs go out in batches and come back in input order.
import { Worker } from 'node:worker_threads';
import { KgError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { Article } from '../types.js';
import type { InputLine } from './jsonl-batch.js';

/** What a worker does: `kg extract --jsonl` lines to output text, or articles to extractions (`kg build`). */
export type Job = { kind: 'lines'; lines: InputLine[] } | { kind: 'articles'; articles: Article[] };

type Reply<R> = { seq: number; result?: R; error?: { code?: ErrorCode; message: string; stack?: string } };

/**
 * Below this much input (characters), starting workers (each loads the NER model and warms up) costs more than
 * it saves. KG_PARALLEL_FROM overrides it, for tests.
 */
export const PARALLEL_FROM = Number.isFinite(Number(process.env.KG_PARALLEL_FROM ?? 'x')) ? Number(process.env.KG_PARALLEL_FROM) : 512 * 1024;
/** Characters per batch: big enough that messages between threads cost little. */
export const BATCH_CHARS = Math.min(64 * 1024, Math.max(1, PARALLEL_FROM / 4));

/**
 * Worker threads to use: KG_WORKERS, else 1 (all in this thread). Extraction depends on its article alone, so the
 * output is the same however the input is split (test/cli.test.ts compares them). Not on by default: each worker
 * loads the model and warms up on its own, and workers cost about a quarter more CPU in all.
 */
export function workerCount(): number {
  const env = Number(process.env.KG_WORKERS);
  if (process.env.KG_WORKERS !== undefined && Number.isInteger(env) && env >= 0) return Math.max(1, Math.min(64, env));
  return 1;
}

export class Pool<R> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { seq: number; job: Job }[] = [];
  private readonly done = new Map<number, R>();
  private nextSeq = 0;
  private nextOut = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./extract-worker.js', import.meta.url));
      w.on('message', (m: Reply<R>) => this.onReply(w, m));
      w.on('error', (e) => this.fail(e));
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Jobs sent and not yet handed back. */
  get pending(): number {
    return this.nextSeq - this.nextOut;
  }

  submit(job: Job): void {
    this.queue.push({ seq: this.nextSeq++, job });
    this.dispatch();
  }

  /** The finished results that come next in input order (possibly none); throws a worker's error. */
  take(): R[] {
    if (this.failure) throw this.failure;
    const out: R[] = [];
    for (let r = this.done.get(this.nextOut); r !== undefined; r = this.done.get(this.nextOut)) {
      this.done.delete(this.nextOut++);
      out.push(r);
    }
    return out;
  }

  /** Resolves when the next result in order is ready (or a worker fails). */
  wait(): Promise<void> {
    if (this.failure || this.done.has(this.nextOut)) return Promise.resolve();
    return new Promise((resolve) => (this.wake = resolve));
  }

  /** Every result, in order, once all submitted jobs are done. */
  async all(): Promise<R[]> {
    const out: R[] = [];
    for (;;) {
      out.push(...this.take());
      if (this.pending === 0) return out;
      await this.wait();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch() {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.pop()!.postMessage(this.queue.shift()!);
  }

  private onReply(w: Worker, m: Reply<R>) {
    if (m.error) {
      this.fail(m.error.code ? new KgError(m.error.code, m.error.message) : new Error(m.error.stack ?? m.error.message));
      return;
    }
    this.done.set(m.seq, m.result!);
    this.idle.push(w);
    this.dispatch();
    this.notify();
  }

  private fail(e: Error) {
    this.failure ??= e;
    this.notify();
  }

  private notify() {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}

/** Extracts articles on workers when there is enough text and idle cores; else returns null (do it in-process). */
export async function extractInParallel<X>(articles: Article[]): Promise<X[] | null> {
  const size = workerCount();
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  if (size <= 1 || chars < PARALLEL_FROM) return null;
  const pool = new Pool<X[]>(size);
  try {
    let batch: Article[] = [];
    let batchChars = 0;
    for (const a of articles) {
      batch.push(a);
      batchChars += a.text.length;
      if (batchChars >= BATCH_CHARS) {
        pool.submit({ kind: 'articles', articles: batch });
        batch = [];
        batchChars = 0;
      }
    }
    if (batch.length) pool.submit({ kind: 'articles', articles: batch });
    return (await pool.all()).flat();
  } finally {
    await pool.close();
  }
}
