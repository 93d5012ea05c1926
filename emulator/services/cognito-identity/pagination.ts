import { cognitoErrors } from './errors.js';

/**
 * NextToken for keyset pagination: an opaque cursor naming what is listed (`scope`, so a token of one listing is
 * refused by another) and the last position returned. Listing resumes after that position however many rows were
 * added or removed meanwhile, and never loads more than one page.
 */
export function encodeCursor(scope: string, position: string | number): string {
  return Buffer.from(JSON.stringify([scope, position])).toString('base64url');
}

export function decodeCursor<T extends string | number>(token: string | undefined, scope: string, initial: T): T {
  if (token === undefined) return initial;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw cognitoErrors.invalidNextToken();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== scope || typeof decoded[1] !== typeof initial) {
    throw cognitoErrors.invalidNextToken();
  }
  return decoded[1] as T;
}

/** One page from a fetch of `limit + 1` rows: the rows to answer and whether more follow. */
export function pageOf<T>(rows: T[], limit: number): { items: T[]; more: boolean } {
  return rows.length > limit ? { items: rows.slice(0, limit), more: true } : { items: rows, more: false };
}
