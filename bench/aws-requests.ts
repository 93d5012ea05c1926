import aws4 from 'aws4';
import type { LoadRequest } from './http-load.js';

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** An awsJson1_1 Cognito Identity call; signed with `keys` unless the operation is unsigned. */
export function cognitoRequest(
  endpoint: string,
  region: string,
  operation: string,
  input: unknown,
  keys?: Keys,
): LoadRequest {
  const url = new URL(endpoint);
  const body = JSON.stringify(input);
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AWSCognitoIdentityService.${operation}`,
  };
  if (!keys) return { method: 'POST', url: endpoint, headers: { ...headers, host: url.host }, body };
  const signed = aws4.sign(
    { host: url.host, path: '/', method: 'POST', service: 'cognito-identity', region, headers, body },
    keys,
  );
  return { method: 'POST', url: endpoint, headers: signed.headers as Record<string, string>, body };
}

/** A SigV4-signed GET to an execute-api URL, as the seed's client signs it with aws4. */
export function signedGet(url: string, region: string, keys: Keys, hostHeader?: string): LoadRequest {
  const target = new URL(url);
  const host = hostHeader ?? target.host;
  const signed = aws4.sign(
    { host, path: `${target.pathname}${target.search}`, method: 'GET', service: 'execute-api', region },
    keys,
  );
  return { method: 'GET', url, headers: { ...(signed.headers as Record<string, string>), Host: host } };
}

/**
 * Signed requests stay valid five minutes; a cache of them per body lets the load generator spend its time
 * sending, not signing, without replaying anything older than four minutes.
 */
export class SignedRequestCache {
  private readonly cache = new Map<string, { request: LoadRequest; at: number }>();

  constructor(private readonly make: (key: string) => LoadRequest) {}

  get(key: string): LoadRequest {
    const cached = this.cache.get(key);
    if (cached && performance.now() - cached.at < 240_000) return cached.request;
    const request = this.make(key);
    this.cache.set(key, { request, at: performance.now() });
    return request;
  }
}
