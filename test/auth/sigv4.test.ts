import { createHash, createHmac } from 'node:crypto';
import type { SourceData } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { computeSignature, parseAuthorization, parseRequestDate } from '../../emulator/auth/sigv4.js';
import { loadVectors, vectorCredentials } from './sigv4-vectors.js';

const vectors = loadVectors();

describe('SigV4 recomputation against the official test suite', () => {
  it('finds all 31 cases', () => {
    expect(vectors).toHaveLength(31);
  });

  // Obsolete header line folding: this edition expects the folded lines joined by commas, smithy joins them with
  // spaces; and Node's HTTP parser refuses such a request before any handler sees it. The one case left out.
  const unreachable = new Set(['get-header-value-multiline']);

  for (const vector of vectors) {
    it.skipIf(unreachable.has(vector.name))(`reproduces ${vector.name}`, async () => {
      const authorization = parseAuthorization(vector.authorization, vector.request);
      const computed = await computeSignature(
        vector.request,
        authorization,
        vectorCredentials.secretAccessKey,
        parseRequestDate(vector.request) as Date,
      );
      expect(computed.canonicalRequest).toBe(vector.canonicalRequest);
      expect(computed.stringToSign).toBe(vector.stringToSign);
      expect(vector.authorization.endsWith(`Signature=${computed.signature}`)).toBe(true);
    });
  }
});

function bytesOf(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    const key = typeof secret === 'string' || secret === undefined ? secret : bytesOf(secret);
    this.hash = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

describe('SigV4 recomputation of odd paths and header spacing', () => {
  // What smithy's signer signs (as the SDKs and aws4fetch do) must verify, whatever the path or the header's blanks.
  const paths = ['/', '/hello', '/a/./b/../c//d%20e/', '/2015-03-31/functions/f%3A1/invocations', '/x y/ü', '/%2F/..'];
  const values = ['plain', '  leading and trailing  ', 'inner   runs\tand\ttabs', 'line\r\nbreak', ' ', 'a  b'];

  for (const path of paths) {
    for (const value of values) {
      it(`verifies ${JSON.stringify(path)} with x-custom ${JSON.stringify(value)}`, async () => {
        const { SignatureV4 } = await import('@smithy/signature-v4');
        const signer = new SignatureV4({
          credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
          region: 'us-east-1',
          service: 'execute-api',
          sha256: NodeSha256,
        });
        const body = path === '/' ? '' : 'Action=GetRole';
        const signed = await signer.sign(
          {
            method: 'POST',
            protocol: 'http:',
            hostname: 'localhost',
            path,
            headers: { host: 'localhost', 'x-custom': value },
            body,
          },
          { signingDate: new Date('2026-01-02T03:04:05Z') },
        );
        const headers = new Map(Object.entries(signed.headers).map(([name, text]) => [name.toLowerCase(), [text]]));
        const request = { method: 'POST', path, query: '', headers, body: new TextEncoder().encode(body) };
        const authorization = parseAuthorization(signed.headers.authorization as string, request);
        const computed = await computeSignature(request, authorization, 'secret', parseRequestDate(request) as Date);
        expect(computed.signature).toBe(authorization.signature);
      });
    }
  }
});
