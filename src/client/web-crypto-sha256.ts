import type { Checksum, SourceData } from '@smithy/types';

const encoder = new TextEncoder();

function bytesOf(data: SourceData): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

function subtleCrypto(): typeof globalThis.crypto.subtle {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'crypto.subtle is unavailable: browsers offer WebCrypto only to secure contexts, ' +
        'so serve the page over https or from localhost',
    );
  }
  return subtle;
}

/**
 * SHA-256, or HMAC-SHA-256 with a secret, through WebCrypto: the hash @smithy/signature-v4 signs with, in any
 * browser and in Node (globalThis.crypto), without Node's `crypto` module.
 */
export class WebCryptoSha256 implements Checksum {
  private chunks: Uint8Array[] = [];

  constructor(private readonly secret?: SourceData) {}

  update(data: Uint8Array): void {
    this.chunks.push(bytesOf(data).slice());
  }

  async digest(): Promise<Uint8Array> {
    const subtle = subtleCrypto();
    const length = this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    const data = new Uint8Array(length);
    let offset = 0;
    for (const chunk of this.chunks) {
      data.set(chunk, offset);
      offset += chunk.byteLength;
    }
    if (this.secret === undefined) return new Uint8Array(await subtle.digest('SHA-256', data));
    const key = await subtle.importKey('raw', bytesOf(this.secret).slice(), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    return new Uint8Array(await subtle.sign('HMAC', key, data));
  }

  reset(): void {
    this.chunks = [];
  }
}
