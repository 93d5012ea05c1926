import aws4 from 'aws4';
import { localhostFetch } from './routed-fetch.js';
import type { SigningOptions } from '../client/signed-fetch.js';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignedRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export type { SigningOptions };

export interface SignedFetchOptions extends SigningOptions {
  /** The fetch to send with (Node's global fetch, reaching `*.localhost` on loopback, when absent). */
  fetch?: typeof fetch;
}

/** `20150830T123600Z` */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/**
 * SigV4 headers for a request (aws4): Host, X-Amz-Date, X-Amz-Security-Token (temporary credentials) and
 * Authorization, added to the request's own headers. Service and region are always passed, since aws4 can only
 * infer them from `*.amazonaws.com` host names.
 */
export function signRequest(
  url: string | URL,
  init: SignedRequestInit,
  credentials: SigningCredentials,
  options: SigningOptions,
): Record<string, string> {
  const target = new URL(url);
  const headers: Record<string, string> = { ...init.headers };
  if (options.date) headers['X-Amz-Date'] = amzDate(options.date);
  const signed = aws4.sign(
    {
      host: target.host,
      path: `${target.pathname}${target.search}`,
      method: init.method ?? 'GET',
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      service: options.service ?? 'execute-api',
      region: options.region,
    },
    credentials,
  );
  return signed.headers as Record<string, string>;
}

/**
 * `fetch` with a SigV4 signature: what a Node client does to call an IAM-authorized API Gateway method with the
 * credentials from getCredentialsForIdentity (or a function resolving to them, such as cognitoCredentials).
 * `http://<api-id>.execute-api.localhost:<port>/…` works as it is: `*.localhost` is sent to loopback.
 */
export async function signedFetch(
  url: string | URL,
  init: SignedRequestInit,
  credentials: SigningCredentials | (() => Promise<SigningCredentials>),
  options: SignedFetchOptions,
): Promise<Response> {
  const resolved = typeof credentials === 'function' ? await credentials() : credentials;
  const headers = signRequest(url, init, resolved, options);
  delete headers.Host;
  const send = options.fetch ?? localhostFetch;
  return send(url, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }) });
}
