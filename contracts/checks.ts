import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { JsonValue } from './outcome.js';

/** `[]` when equal, else one readable difference. */
export function same(label: string, actual: unknown, expected: unknown): string[] {
  return JSON.stringify(actual) === JSON.stringify(expected)
    ? []
    : [`${label}: expected ${show(expected)}, got ${show(actual)}`];
}

export function matches(label: string, actual: unknown, pattern: RegExp): string[] {
  return typeof actual === 'string' && pattern.test(actual)
    ? []
    : [`${label}: expected to match ${pattern}, got ${show(actual)}`];
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** The member at a dotted path of a JSON body (`Credentials.Expiration`). */
export function at(body: JsonValue, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = body;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function text(body: JsonValue, path: string): string {
  const value = at(body, path);
  return typeof value === 'string' ? value : '';
}

/** The differences between an ISO time and `expectedMs`, allowing `toleranceSeconds`. */
export function timeNear(
  label: string,
  iso: JsonValue | undefined,
  expectedMs: number,
  toleranceSeconds: number,
): string[] {
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return [`${label}: expected a date, got ${show(iso)}`];
  const offBy = (ms - expectedMs) / 1000;
  return Math.abs(offBy) <= toleranceSeconds
    ? []
    : [
        `${label}: expected about ${new Date(expectedMs).toISOString()} (±${toleranceSeconds} s), ` +
          `got ${iso} (${offBy > 0 ? '+' : ''}${Math.round(offBy)} s)`,
      ];
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/** Decodes (without verifying) a compact JWS, or returns why it is not one. */
export function decodeToken(token: unknown): DecodedJwt | string {
  if (typeof token !== 'string' || token.split('.').length !== 3)
    return `the token is not a compact JWT (header.payload.signature): ${show(token)}`;
  try {
    return {
      header: decodeProtectedHeader(token) as Record<string, unknown>,
      claims: decodeJwt(token) as Record<string, unknown>,
    };
  } catch (error) {
    return `the token does not decode as a JWT: ${error instanceof Error ? error.message : String(error)}`;
  }
}
