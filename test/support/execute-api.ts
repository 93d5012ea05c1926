import aws4 from 'aws4';
import { type Answer as RawResponse, send } from './raw-http.js';
import type { RunningEmulator } from '../../emulator/testing.js';

export type { RawResponse };

export interface RawRequest {
  method?: string;
  /** Path and query, as sent. */
  path: string;
  /** Sent as the Host header; the connection always goes to the emulator's address. */
  host?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** An HTTP request sent exactly as given (Host header included, which fetch would replace). */
export function sendRaw(emulator: Pick<RunningEmulator, 'host' | 'port'>, raw: RawRequest): Promise<RawResponse> {
  const headers = { ...(raw.headers ?? {}), ...(raw.host === undefined ? {} : { host: raw.host }) };
  return send(emulator, { method: raw.method, path: raw.path, headers, body: raw.body });
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Signs as the seed's client does: `aws4.sign({host, path, method, service: 'execute-api', region}, credentials)`. */
export function signRequest(
  raw: RawRequest & { host: string },
  credentials: Credentials,
  region = 'us-east-1',
): RawRequest & { host: string; headers: Record<string, string> } {
  const options = {
    host: raw.host,
    path: raw.path,
    method: raw.method ?? 'GET',
    service: 'execute-api',
    region,
    headers: { ...(raw.headers ?? {}) },
    body: raw.body,
  };
  const signed = aws4.sign(options, credentials);
  const headers = Object.fromEntries(
    Object.entries(signed.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  delete headers.Host;
  delete headers.host;
  delete headers['Content-Length'];
  return { ...raw, headers };
}

/** `<api-id>.execute-api.localhost:<port>` */
export function executeApiHost(emulator: Pick<RunningEmulator, 'port'>, apiId: string): string {
  return `${apiId}.execute-api.localhost:${emulator.port}`;
}
