import { jsonResponse, type WireResponse } from '../../protocols/wire.js';

/** A console API request that cannot be answered: 400 (bad input) or 404 (nothing there), `{ message }`. */
export class ConsoleError extends Error {
  constructor(
    readonly status: 400 | 404 | 413,
    message: string,
  ) {
    super(message);
  }
}

export function notFound(message: string): ConsoleError {
  return new ConsoleError(404, message);
}

export function badRequest(message: string): ConsoleError {
  return new ConsoleError(400, message);
}

/** Headers every console answer carries (contract: CONSOLE-API.md). */
export const consoleHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
    "frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

export function consoleJson(status: number, body: unknown): WireResponse {
  return jsonResponse(status, body, { ...consoleHeaders, 'cache-control': 'no-store' });
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const defaultLimit = 50;
const maxLimit = 200;

/** `limit`: 1 to 200, 50 when absent. */
export function limitOf(query: URLSearchParams): number {
  const value = query.get('limit');
  if (value === null || value === '') return defaultLimit;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) {
    throw badRequest(`limit must be an integer from 1 to ${maxLimit}, got '${value.slice(0, 50)}'`);
  }
  return Math.min(Number(value), maxLimit);
}

/** An opaque page token: the keyset position, base64url JSON. */
export function encodeToken(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a `nextToken` holds; `check` says whether it has the expected shape. */
export function decodeToken<T>(query: URLSearchParams, check: (value: unknown) => value is T): T | undefined {
  const token = query.get('nextToken');
  if (token === null || token === '') return undefined;
  let value: unknown;
  try {
    value = token.length <= 2000 ? JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) : undefined;
  } catch {
    value = undefined;
  }
  if (!check(value)) throw badRequest('nextToken is not a token this console gave');
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored JSON text parsed, or the text itself when it is not JSON. */
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(decodeURIComponent(text));
    } catch {
      return text;
    }
  }
}

export function tagMapOf(tags: readonly { Key: string; Value: string }[]): Record<string, string> {
  return Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
}
