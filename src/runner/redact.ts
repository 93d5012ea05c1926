import type { JsonValue } from '../../contracts/outcome.js';

const secretMembers = /^(SecretKey|SecretAccessKey|secretAccessKey|SessionToken|sessionToken|Token|Authorization)$/;
const jwt = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

/** A copy of a response body fit for reports: secret members and JWTs replaced by `<redacted>`. */
export function redactSecrets(value: JsonValue, key?: string): JsonValue {
  if (typeof value === 'string')
    return key && secretMembers.test(key) ? '<redacted>' : value.replace(jwt, '<redacted JWT>');
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([member, item]) => [member, redactSecrets(item, member)]));
  return value;
}
