import aws4 from 'aws4';
import { describe, expect, it } from 'vitest';
import {
  computeSignature,
  parseAuthorization,
  parseRequestDate,
  signingKey,
  type ReceivedRequest,
} from '../../emulator/auth/sigv4.js';

function signedRequest(secretAccessKey: string): ReceivedRequest {
  const body = '{"IdentityPoolId":"us-east-1:x"}';
  const signed = aws4.sign(
    {
      host: '127.0.0.1:4566',
      path: '/',
      method: 'POST',
      service: 'cognito-identity',
      region: 'us-east-1',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityService.DescribeIdentityPool',
      },
      body,
    },
    { accessKeyId: 'AKIDEXAMPLE', secretAccessKey },
  );
  const headers = new Map<string, string[]>();
  for (const [name, value] of Object.entries(signed.headers ?? {})) headers.set(name.toLowerCase(), [String(value)]);
  return { method: 'POST', path: '/', query: '', headers, body: Buffer.from(body) };
}

async function recomputed(
  request: ReceivedRequest,
  secretAccessKey: string,
): Promise<{ computed: string; sent: string }> {
  const authorization = parseAuthorization(request.headers.get('authorization')?.[0] as string, request);
  const computation = await computeSignature(
    request,
    authorization,
    secretAccessKey,
    parseRequestDate(request) as Date,
  );
  return { computed: computation.signature, sent: authorization.signature };
}

describe('derived SigV4 signing keys, kept per scope and secret', () => {
  it('derives a key once per (date, region, service, secret)', () => {
    const first = signingKey('secret-one', '20260101', 'us-east-1', 'execute-api');
    expect(signingKey('secret-one', '20260101', 'us-east-1', 'execute-api')).toBe(first);
    expect(signingKey('secret-one', '20260102', 'us-east-1', 'execute-api')).not.toEqual(first);
    expect(signingKey('secret-one', '20260101', 'eu-west-1', 'execute-api')).not.toEqual(first);
    expect(signingKey('secret-one', '20260101', 'us-east-1', 'sts')).not.toEqual(first);
  });

  it('never verifies a signature made with another secret once the first one is cached', async () => {
    const byFirst = signedRequest('first-secret');
    expect((await recomputed(byFirst, 'first-secret')).computed).toBe((await recomputed(byFirst, 'first-secret')).sent);

    // Same access key id, same day, region and service: only the secret differs.
    const bySecond = signedRequest('second-secret');
    const withCachedFirst = await recomputed(bySecond, 'first-secret');
    expect(withCachedFirst.computed).not.toBe(withCachedFirst.sent);
    const withSecond = await recomputed(bySecond, 'second-secret');
    expect(withSecond.computed).toBe(withSecond.sent);
    const firstAgainstSecond = await recomputed(byFirst, 'second-secret');
    expect(firstAgainstSecond.computed).not.toBe(firstAgainstSecond.sent);
  });
});
