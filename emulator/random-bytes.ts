import { randomBytes } from 'node:crypto';

/** Random bytes drawn from OpenSSL in blocks and handed out in slices: one call per many ids, not one per id. */
let block = Buffer.alloc(0);
let used = 0;

/** `size` fresh random bytes (a view: copy it to keep it past the next calls' use of the block). */
export function randomSlice(size: number): Buffer {
  if (used + size > block.length) {
    block = randomBytes(Math.max(8192, size));
    used = 0;
  }
  used += size;
  return block.subarray(used - size, used);
}
