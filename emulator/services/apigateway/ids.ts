import { randomInt } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * API Gateway's identifiers: lower-case alphanumerics, 10 long for APIs and root resources (`te6si5ach7`,
 * `krznpq9xpg`), 6 long for child resources and deployments (`2jf6xt`, `aqxk2w`), as the developer guide and
 * real CLI output show them.
 */
export function apiGatewayId(length: 6 | 10): string {
  let id = '';
  for (let index = 0; index < length; index++) id += alphabet[randomInt(alphabet.length)];
  return id;
}

/** A fresh id that `taken` does not already know. */
export function uniqueId(length: 6 | 10, taken: (id: string) => boolean): string {
  let id = apiGatewayId(length);
  while (taken(id)) id = apiGatewayId(length);
  return id;
}
