import { SignatureV4 } from '@smithy/signature-v4';
import { WebCryptoSha256 } from './web-crypto-sha256.js';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignedRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface SigningOptions {
  region: string;
  /** `execute-api` unless told otherwise. */
  service?: string;
  /** The signing time (now when absent). */
  date?: Date;
}

export interface SignedFetchOptions extends SigningOptions {
  /** The fetch to send with (the global one when absent). */
  fetch?: typeof fetch;
}

/** Credentials, or a function resolving to them (cognitoCredentials, which renews them before they expire). */
export type CredentialsSource = SigningCredentials | (() => Promise<SigningCredentials>);

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const previous = query[key];
    query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return query;
}

/**
 * SigV4 headers for a request (@smithy/signature-v4 over WebCrypto): X-Amz-Date, X-Amz-Security-Token (temporary
 * credentials) and Authorization, added to the request's own headers, Host signed but not returned (fetch sets it).
 * No X-Amz-Content-Sha256: execute-api does not need it, and a header the API's CORS does not allow would fail the
 * browser's preflight.
 */
export async function signRequest(
  url: string | URL,
  init: SignedRequestInit,
  credentials: CredentialsSource,
  options: SigningOptions,
): Promise<Record<string, string>> {
  const target = new URL(url);
  const resolved = typeof credentials === 'function' ? await credentials() : credentials;
  const signer = new SignatureV4({
    service: options.service ?? 'execute-api',
    region: options.region,
    credentials: {
      accessKeyId: resolved.accessKeyId,
      secretAccessKey: resolved.secretAccessKey,
      ...(resolved.sessionToken ? { sessionToken: resolved.sessionToken } : {}),
    },
    sha256: WebCryptoSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: (init.method ?? 'GET').toUpperCase(),
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: target.pathname,
      query: queryOf(target),
      headers: { ...init.headers, host: target.host },
      ...(init.body === undefined ? {} : { body: init.body }),
    },
    options.date ? { signingDate: options.date } : {},
  );
  const { host: _host, ...headers } = signed.headers;
  return headers;
}

/**
 * `fetch` with a SigV4 signature: how a browser (or any fetch runtime) calls an IAM-authorized API Gateway method
 * with the credentials from getCredentialsForIdentity or cognitoCredentials.
 */
export async function signedFetch(
  url: string | URL,
  init: SignedRequestInit,
  credentials: CredentialsSource,
  options: SignedFetchOptions,
): Promise<Response> {
  const headers = await signRequest(url, init, credentials, options);
  const send = options.fetch ?? fetch;
  return send(url, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }) });
}
