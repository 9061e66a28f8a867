// Buffered writing to stdout: large chunks, waiting for the pipe to drain, so big outputs stay fast and whole.
import type { Writable } from 'node:stream';

export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly out: Writable = process.stdout,
    private readonly chunk = 1 << 20,
  ) {}

  /** Queues text; writes when a chunk is full (await it to respect back-pressure). */
  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(text)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}

/** Prints a line to stderr, prefixed with the command name. */
export function warn(command: string, message: string): void {
  process.stderr.write(`kg ${command}: ${message}\n`);
}
