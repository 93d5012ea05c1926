import { maxResponseBytes } from './invocation-errors.js';

/**
 * The channel between the emulator and a worker (fd 3 of the worker, a socket pair): frames of
 * `[u32 header length][u32 body length][header JSON][body bytes]`, big-endian. The body carries an event or a
 * result as raw bytes, so a 6 MB result is never re-escaped inside JSON. bootstrap.mjs speaks the same framing.
 *
 * The emulator trusts no length a worker announces: a header over `maxHeaderBytes` or a body over Lambda's
 * response limit stops the reading before anything of that size is buffered, so a function writing fake frames
 * to fd 3 cannot grow the emulator's memory.
 */

/** Lambda's limit on a synchronous response: a result over it never needs to travel whole. */
const maxBodyBytes = maxResponseBytes;

/** Headers are small: message kind, ids, byte counts, an error payload (bootstrap.mjs truncates long ones). */
const maxHeaderBytes = 1024 * 1024;

export type FrameViolation = 'header-too-large' | 'body-too-large' | 'malformed-header';

/** One frame in one buffer: the prefix, the header and the body written in place. */
export function encodeFrame(header: object, body: Buffer | string = ''): Buffer {
  const headerText = JSON.stringify(header);
  const headerLength = Buffer.byteLength(headerText);
  const bodyLength = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  const frame = Buffer.allocUnsafe(8 + headerLength + bodyLength);
  frame.writeUInt32BE(headerLength, 0);
  frame.writeUInt32BE(bodyLength, 4);
  frame.write(headerText, 8, 'utf8');
  if (typeof body === 'string') frame.write(body, 8 + headerLength, 'utf8');
  else body.copy(frame, 8 + headerLength);
  return frame;
}

/** Reassembles frames from a worker's chunks; stops for good at the first violation. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private stopped = false;

  constructor(
    private readonly onFrame: (header: Record<string, unknown>, body: Buffer) => void,
    private readonly onViolation: (violation: FrameViolation) => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.stopped) return;
    this.chunks.push(chunk);
    this.buffered += chunk.byteLength;
    for (;;) {
      if (this.buffered < 8) return;
      const prefix = this.peek(8);
      const headerLength = prefix.readUInt32BE(0);
      const bodyLength = prefix.readUInt32BE(4);
      if (headerLength > maxHeaderBytes) return this.violate('header-too-large');
      if (bodyLength > maxBodyBytes) return this.violate('body-too-large');
      const total = 8 + headerLength + bodyLength;
      if (this.buffered < total) return;
      const frame = this.take(total);
      let header: unknown;
      try {
        header = JSON.parse(frame.subarray(8, 8 + headerLength).toString('utf8'));
      } catch {
        header = undefined;
      }
      if (typeof header !== 'object' || header === null || Array.isArray(header))
        return this.violate('malformed-header');
      this.onFrame(header as Record<string, unknown>, frame.subarray(8 + headerLength));
    }
  }

  private violate(violation: FrameViolation): void {
    this.stopped = true;
    this.chunks = [];
    this.buffered = 0;
    this.onViolation(violation);
  }

  private peek(length: number): Buffer {
    if ((this.chunks[0] as Buffer).byteLength < length) this.chunks = [Buffer.concat(this.chunks)];
    return (this.chunks[0] as Buffer).subarray(0, length);
  }

  private take(length: number): Buffer {
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const frame = Buffer.from(all.subarray(0, length));
    const rest = all.subarray(length);
    this.chunks = rest.byteLength > 0 ? [rest] : [];
    this.buffered = rest.byteLength;
    return frame;
  }
}
