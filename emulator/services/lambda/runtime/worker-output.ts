import { StringDecoder } from 'node:string_decoder';

/** Byte counts of a worker's stdout (`out`) and stderr (`err`), as bootstrap.mjs sends them with each message. */
export interface WrittenBytes {
  out: number;
  err: number;
}

/** Output kept between two invocations: enough for the 4 KB log tail and for recognising an out-of-memory death. */
const maxKeptOutput = 64 * 1024;

/**
 * What a worker writes on stdout and stderr. Its IPC messages and its output travel on different pipes, so a
 * message may arrive before the output written ahead of it: `after` waits until the bytes the worker had written
 * when it sent the message have been read.
 */
export class WorkerOutput {
  private readonly received: WrittenBytes = { out: 0, err: 0 };
  private readonly decoders = { out: new StringDecoder('utf8'), err: new StringDecoder('utf8') };
  private readonly waiters: { written: WrittenBytes; then(): void }[] = [];
  private pending = '';
  private ended = false;

  constructor(private readonly onText: (text: string) => void) {}

  take(stream: keyof WrittenBytes, chunk: Buffer): void {
    this.received[stream] += chunk.byteLength;
    const text = this.decoders[stream].write(chunk);
    if (text) {
      this.pending += text;
      if (this.pending.length > 2 * maxKeptOutput) this.pending = this.pending.slice(-maxKeptOutput);
      this.onText(text);
    }
    this.release();
  }

  /** Runs `then` once everything in `written` has been read (or the pipes closed). */
  after(written: WrittenBytes, then: () => void): void {
    if (this.caughtUp(written)) then();
    else this.waiters.push({ written, then });
  }

  /** The pipes closed: nothing more will come. */
  end(): void {
    this.ended = true;
    for (const stream of ['out', 'err'] as const) this.pending += this.decoders[stream].end();
    this.release();
  }

  /** The output not yet handed to an invocation. */
  peek(): string {
    return this.pending;
  }

  takePending(): string {
    const pending = this.pending;
    this.pending = '';
    return pending;
  }

  private caughtUp(written: WrittenBytes): boolean {
    return this.ended || (this.received.out >= written.out && this.received.err >= written.err);
  }

  private release(): void {
    for (let index = 0; index < this.waiters.length; ) {
      const waiter = this.waiters[index] as (typeof this.waiters)[number];
      if (this.caughtUp(waiter.written)) {
        this.waiters.splice(index, 1);
        waiter.then();
      } else {
        index++;
      }
    }
  }
}
