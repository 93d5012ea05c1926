import aws4 from 'aws4';
import { request as httpRequest } from 'node:http';
import type { RunningEmulator } from '../../emulator/testing.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

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
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(raw.headers ?? {}) };
    if (raw.host !== undefined) headers.host = raw.host;
    if (raw.body !== undefined) headers['content-length'] = Buffer.byteLength(raw.body);
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: emulator.port, method: raw.method ?? 'GET', path: raw.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
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
