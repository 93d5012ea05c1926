import aws4 from 'aws4';
import { request as httpRequest } from 'node:http';
import type { RunningEmulator } from '../../emulator/index.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Raw {
  method?: string;
  /** Path and query, exactly as sent. */
  path?: string;
  /** Repeated values are sent as repeated header lines. */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

/** One HTTP request to the emulator's port, headers exactly as given (Host included). */
export function send(emulator: Pick<RunningEmulator, 'port'>, raw: Raw): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = { ...(raw.headers ?? {}) };
    if (raw.body !== undefined) headers['content-length'] = String(Buffer.byteLength(raw.body));
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: emulator.port,
        method: raw.method ?? 'GET',
        path: raw.path ?? '/',
        headers,
        setHost: headers.host === undefined,
      },
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

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const rootKeys: Keys = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Signs like an SDK (aws4: host and x-amz-date signed) for the emulator's address; the result is sent with `send`. */
export function signed(
  emulator: Pick<RunningEmulator, 'port'>,
  service: string,
  raw: Raw,
  keys: Keys = rootKeys,
  region = 'us-east-1',
): Raw {
  const host = `127.0.0.1:${emulator.port}`;
  const plain = Object.fromEntries(
    Object.entries(raw.headers ?? {}).filter(([, value]) => !Array.isArray(value)),
  ) as Record<string, string>;
  const request = {
    host,
    method: raw.method ?? 'GET',
    path: raw.path ?? '/',
    service,
    region,
    headers: { ...plain },
    body: raw.body,
  };
  const result = aws4.sign(request, keys);
  const headers: Record<string, string | string[]> = { ...(raw.headers ?? {}) };
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (name.toLowerCase() !== 'content-length') headers[name.toLowerCase()] = String(value);
  }
  return { ...raw, headers };
}

/** The awsJson1_1 request of a Cognito Identity operation. */
export function cognitoCall(operation: string, body: string | Buffer): Raw {
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
    body,
  };
}

export function json(answer: Answer): Record<string, unknown> {
  return JSON.parse(answer.body) as Record<string, unknown>;
}
