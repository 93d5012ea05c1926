import type { PolicyStatement } from './types.js';

/**
 * IAM's "legacy parsing" of a policy and its resource formats, as AWS answers them: the cases and messages are
 * those moto's author checked against AWS (test/fixtures/iam/moto-policy-validation.json, from getmoto/moto
 * tests/test_iam/test_iam_policies.py). This module says what is wrong; parse-policy-document.ts decides when.
 */

const integer = /^\s*[+-]?\d+\s*$/;

function inRange(text: string | undefined, low: number, high: number): boolean {
  if (text === undefined || !integer.test(text)) return false;
  const value = Number(text);
  return value >= low && value <= high;
}

/** The largest epoch value IAM takes in a Date condition: Java's Long.MAX_VALUE (checked as a decimal string). */
const maxEpoch = 9223372036854775807n;

/** A Date condition value as IAM's legacy parser reads it: an ISO 8601 date-time, or a non-negative epoch number. */
export function isLegacyDate(value: string): boolean {
  const lower = value.toLowerCase();
  if (!lower.includes('t') && !lower.includes('-')) {
    if (!integer.test(value)) return false;
    const epoch = BigInt(value.trim());
    return epoch >= 0n && epoch <= maxEpoch;
  }
  const [datePart, ...rest] = lower.split('t');
  const timePart = rest.join('t');
  const negative = datePart.startsWith('-');
  const dateFields = (negative ? datePart.slice(1) : datePart).split('-');
  const year = negative ? `-${dateFields[0]}` : dateFields[0];
  // Java's date range: years -292275054 to 292278993.
  if (!inRange(year, -292275054, 292278993)) return false;
  if (dateFields.length > 1 && !inRange(dateFields[1], 1, 12)) return false;
  if (dateFields.length > 2 && !inRange(dateFields[2], 1, 31)) return false;
  if (dateFields.length > 3) return false;
  return rest.length === 0 || isLegacyTime(timePart);
}

function isLegacyTime(time: string): boolean {
  const [hours, minutes, secondsField] = time.split(':');
  if (hours !== '' && !inRange(hours, 0, 23)) return false;
  if (minutes !== undefined && !inRange(minutes, 0, 59)) return false;
  if (secondsField === undefined) return true;
  let seconds = secondsField;
  if (secondsField.includes('z')) {
    const [before, after] = secondsField.split(/z(.*)/s);
    if (after !== '') return false;
    seconds = before;
  } else if (secondsField.includes('+')) {
    const plus = secondsField.indexOf('+');
    seconds = secondsField.slice(0, plus);
    // The time zone's minutes, when written `+hh:mm`, are the next `:` field, not read here.
    const zoneHours = secondsField.slice(plus + 1);
    if (zoneHours.length !== 2 || !inRange(zoneHours, 0, 23)) return false;
  }
  const dot = seconds.indexOf('.');
  if (!inRange(dot === -1 ? seconds : seconds.slice(0, dot), 0, 59)) return false;
  return dot === -1 || inRange(seconds.slice(dot + 1), 0, 999999999);
}

/** The legacy parser's resource rule: an ARN-like text with `::` needs its six fields; the service is never empty. */
function passesLegacyResourceParsing(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  if (parts.length < 6 && resource.includes('::')) return false;
  return parts[2] !== '';
}

const regionlessServices: Record<string, (resource: string) => string> = {
  iam: (resource) => `IAM resource ${resource} cannot contain region information.`,
  s3: (resource) => `Resource ${resource} can not contain region information.`,
};

const iamPathStarts = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];

/** `text` split at its first `sep`: [before, after], or undefined when `sep` is absent. */
function splitOnce(text: string, sep: string): [string, string] | undefined {
  const at = text.indexOf(sep);
  return at === -1 ? undefined : [text.slice(0, at), text.slice(at + sep.length)];
}

/**
 * What is wrong with a resource's format, in IAM's words, or undefined. IAM reads the text after the first `:` as
 * partition, service, region, account and path whatever the first field says, and only this account's partition
 * is valid.
 */
function resourceFormatError(resource: string, partition: string): string | undefined {
  if (resource === '*') return undefined;
  const afterPrefix = splitOnce(resource, ':');
  if (!afterPrefix) return `Resource ${resource} must be in ARN format or "*".`;
  const afterPartition = splitOnce(afterPrefix[1], ':');
  const givenPartition = afterPartition?.[0] ?? afterPrefix[1];
  if (givenPartition !== partition) {
    const fields = (afterPartition?.[1] ?? '').split(':');
    const field = (index: number) => (fields.length > index ? fields[index] : '*');
    const first = fields[0] !== '' || fields.length > 1 ? fields[0] : '*';
    const rest = fields.length > 3 ? fields.slice(3).join(':') : '*';
    const resource = `arn:${givenPartition}:${first}:${field(1)}:${field(2)}:${rest}`;
    return `Partition "${givenPartition}" is not valid for resource "${resource}".`;
  }
  if (!afterPartition) return 'Resource vendor must be fully qualified and cannot contain regexes.';
  const afterService = splitOnce(afterPartition[1], ':');
  const service = afterService?.[0] ?? afterPartition[1];
  const remainder = afterService?.[1] ?? '';
  const path = splitOnce(splitOnce(remainder, ':')?.[1] ?? '', ':')?.[1] ?? '';
  // S3 access points are regional (moto's and LocalStack's validators, from AWS's answers).
  const regional = service === 's3' && path.startsWith('accesspoint/');
  if (regionlessServices[service] && !remainder.startsWith(':') && !regional)
    return regionlessServices[service](resource);
  if (service === 'iam') {
    if (!iamPathStarts.some((start) => path.startsWith(start))) {
      return `IAM resource path must either be "*" or start with ${iamPathStarts.join(', ')}.`;
    }
  }
  return undefined;
}

/**
 * The resource format errors of a policy's statements, Resource first then NotResource, as IAM keeps them: the last
 * one found is reported (each statement's list read in reverse order). Returns also whether a resource failed the
 * legacy parser, which IAM checks only while no format error has been found.
 */
export function resourceErrors(
  statements: PolicyStatement[],
  partition: string,
): { formatError?: string; legacyFailure: boolean } {
  let formatError: string | undefined;
  for (const key of ['Resource', 'NotResource'] as const) {
    for (const statement of statements) {
      const value = statement[key];
      if (value === undefined) continue;
      const resources = typeof value === 'string' ? [value] : [...value].sort().reverse();
      for (const resource of resources) formatError = resourceFormatError(resource, partition) ?? formatError;
      if (formatError === undefined && !resources.every(passesLegacyResourceParsing)) return { legacyFailure: true };
    }
  }
  return { formatError, legacyFailure: false };
}
