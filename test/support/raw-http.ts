import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { RunningEmulator } from '../../emulator/testing.js';

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
      (response) => readAnswer(response).then(resolve, reject),
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

/** The status, headers and whole body (as UTF-8) of a response. */
export function readAnswer(response: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
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
  });
}
