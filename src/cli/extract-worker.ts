// Worker thread of `kg extract --jsonl` and `kg build`: extracts the batches the main thread sends.
import { parentPort } from 'node:worker_threads';
import { KgError } from '../errors.js';
import { extractAll } from '../extract.js';
import { runBatch } from './jsonl-batch.js';
import type { Job } from './pool.js';

parentPort!.on('message', (msg: { seq: number; job: Job }) => {
  try {
    const result = msg.job.kind === 'lines' ? runBatch(msg.job.lines) : extractAll(msg.job.articles);
    parentPort!.postMessage({ seq: msg.seq, result });
  } catch (e) {
    // Errors do not cross threads as classes: send the code so the main thread can rethrow a KgError.
    const code = e instanceof KgError ? e.code : undefined;
    parentPort!.postMessage({ seq: msg.seq, error: { code, message: (e as Error).message, stack: (e as Error).stack } });
  }
});
