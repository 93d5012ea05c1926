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
      const computed = await computeSignature(vector.request, authorization, vectorCredentials.secretAccessKey, parseRequestDate(vector.request) as Date);
      expect(computed.canonicalRequest).toBe(vector.canonicalRequest);
      expect(computed.stringToSign).toBe(vector.stringToSign);
      expect(vector.authorization.endsWith(`Signature=${computed.signature}`)).toBe(true);
    });
  }
});
