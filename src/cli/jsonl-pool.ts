// Runs `kg extract --jsonl` batches on worker threads and hands the results back in input order, so the output
// is the same as in one thread, only sooner on a machine with several cores.
import { Worker } from 'node:worker_threads';
import { KgError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { BatchResult, InputLine } from './jsonl-batch.js';

type Reply = { seq: number; result?: BatchResult; error?: { code?: ErrorCode; message: string; stack?: string } };

export class BatchPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { seq: number; lines: InputLine[] }[] = [];
  private readonly done = new Map<number, BatchResult>();
  private nextSeq = 0;
  private nextOut = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./extract-worker.js', import.meta.url));
      w.on('message', (m: Reply) => this.onReply(w, m));
      w.on('error', (e) => this.fail(e));
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Batches sent and not yet handed back. */
  get pending(): number {
    return this.nextSeq - this.nextOut;
  }

  submit(lines: InputLine[]): void {
    this.queue.push({ seq: this.nextSeq++, lines });
    this.dispatch();
  }

  /** The finished results that come next in input order (possibly none); throws a worker's error. */
  take(): BatchResult[] {
    if (this.failure) throw this.failure;
    const out: BatchResult[] = [];
    for (let r = this.done.get(this.nextOut); r; r = this.done.get(this.nextOut)) {
      this.done.delete(this.nextOut++);
      out.push(r);
    }
    return out;
  }

  /** Resolves when a batch finishes (or a worker fails). */
  wait(): Promise<void> {
    if (this.failure || this.done.has(this.nextOut)) return Promise.resolve();
    return new Promise((resolve) => (this.wake = resolve));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch() {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.pop()!.postMessage(this.queue.shift()!);
  }

  private onReply(w: Worker, m: Reply) {
    if (m.error) {
      const e = m.error.code ? new KgError(m.error.code, m.error.message) : new Error(m.error.stack ?? m.error.message);
      this.fail(e);
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
