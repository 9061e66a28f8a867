// Worker thread of `kg extract --jsonl`: extracts batches of lines sent by the main thread.
import { parentPort } from 'node:worker_threads';
import { KgError } from '../errors.js';
import { runBatch } from './jsonl-batch.js';
import type { InputLine } from './jsonl-batch.js';

parentPort!.on('message', (msg: { seq: number; lines: InputLine[] }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, result: runBatch(msg.lines) });
  } catch (e) {
    // Errors do not cross threads as classes: send the code so the main thread can rethrow a KgError.
    const code = e instanceof KgError ? e.code : undefined;
    parentPort!.postMessage({ seq: msg.seq, error: { code, message: (e as Error).message, stack: (e as Error).stack } });
  }
});
