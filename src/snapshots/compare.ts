import { show } from '../../contracts/checks.js';
import type { JsonValue } from '../../contracts/outcome.js';

/** Field-level differences between a recorded and an actual normalized value (`Credentials.Expiration: …`). */
export function diffJson(expected: JsonValue | undefined, actual: JsonValue | undefined, path = ''): string[] {
  const here = path || '(root)';
  if (expected === undefined && actual === undefined) return [];
  if (expected === undefined) return [`${here}: not in the recording, got ${show(actual)}`];
  if (actual === undefined) return [`${here}: missing, the recording has ${show(expected)}`];
  const bothObjects =
    typeof expected === 'object' && typeof actual === 'object' && expected !== null && actual !== null;
  if (bothObjects && Array.isArray(expected) && Array.isArray(actual)) {
    const differences: string[] = [];
    for (let index = 0; index < Math.max(expected.length, actual.length); index += 1)
      differences.push(...diffJson(expected[index], actual[index], `${path}[${index}]`));
    return differences;
  }
  if (bothObjects && !Array.isArray(expected) && !Array.isArray(actual)) {
    const differences: string[] = [];
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) differences.push(...diffJson(expected[key], actual[key], path ? `${path}.${key}` : key));
    return differences;
  }
  if (JSON.stringify(expected) === JSON.stringify(actual)) return [];
  if (typeof expected === 'string' && typeof actual === 'string' && Math.max(expected.length, actual.length) > 120)
    return [`${here}: ${textDifference(expected, actual)}`];
  return [`${here}: recorded ${show(expected)}, got ${show(actual)}`];
}

/** Where two long texts part, with some context around it. */
function textDifference(expected: string, actual: string): string {
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index += 1;
  const around = (text: string): string =>
    `${index > 40 ? '…' : ''}${text.slice(Math.max(0, index - 40), index + 60)}` +
    `${text.length > index + 60 ? '…' : ''}`;
  return (
    `differs from character ${index}: recorded ${JSON.stringify(around(expected))}, ` +
    `got ${JSON.stringify(around(actual))}`
  );
}
