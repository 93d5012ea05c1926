import aws4 from 'aws4';
import type { RunningEmulator } from '../../emulator/index.js';

import { type Answer, type Raw, send } from '../support/raw-http.js';

export { type Answer, type Raw, send };

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
