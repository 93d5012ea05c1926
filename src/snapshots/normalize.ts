import type { JsonValue, Outcome } from '../../contracts/outcome.js';

/** Members whose value is a secret: replaced whole, and remembered so the value is replaced anywhere else too. */
const secretKeys: Record<string, string> = {
  SecretKey: 'secret-key',
  SecretAccessKey: 'secret-key',
  secretAccessKey: 'secret-key',
  SessionToken: 'session-token',
  sessionToken: 'session-token',
  Token: 'token',
  Authorization: 'authorization',
  authorization: 'authorization',
  Location: 'presigned-url',
};

/** Members whose value is an id that changes every run: numbered placeholders, stable within one snapshot. */
const idKeys: Record<string, string> = {
  IdentityPoolId: 'identity-pool-id',
  IdentityId: 'identity-id',
  cognitoIdentityId: 'identity-id',
  cognitoIdentityPoolId: 'identity-pool-id',
  AccessKeyId: 'access-key-id',
  RoleId: 'role-id',
  deploymentId: 'deployment-id',
  RevisionId: 'revision-id',
  UserId: 'user-id',
  rootResourceId: 'resource-id',
  cacheNamespace: 'resource-id',
  n: 'rsa-modulus',
};

/** Members holding URL-encoded JSON (IAM policy documents): decoded first, so ids inside them are found. */
const urlEncodedKeys = /PolicyDocument$/;

/** Response headers worth comparing; the rest (date, request ids, lengths) change every time. */
const keptHeaders = /^(content-type|x-amzn-errortype|access-control-.*)$/;

const patterns: Array<[RegExp, string | ((normalizer: Normalizer, match: string) => string)]> = [
  [/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, (normalizer, match) => normalizer.placeholder('jwt', match)],
  [/(x-amz-security-token:)[^\s'"\\]+/gi, '$1<session-token>'],
  [/(Signature=)[0-9a-f]{64}/g, '$1<signature>'],
  [/\b[0-9a-f]{64}\b/g, '<sha256>'],
  [/((?:x-amz-)?user-agent:)[^\n']*/g, '$1<user-agent>'],
  [/\b1\d{9}\b/g, '<epoch-seconds>'],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})/g, '<datetime>'],
  [/\b\d{8}T\d{6}Z\b/g, '<amz-date>'],
  [/(Credential=[^/\s]+\/)\d{8}\//g, '$1<date>/'],
  [/\b\d{8}(\/[^/\s]+\/[\w-]+\/aws4_request)/g, '<date>$1'],
  [/\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g, (normalizer, match) => normalizer.placeholder('access-key-id', match)],
  [/\bAROA[A-Z0-9]{12,}\b/g, (normalizer, match) => normalizer.placeholder('role-id', match)],
  [
    /\b[a-z]{2}(?:-[a-z]+)+-\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
    (normalizer, match) => normalizer.placeholder('region-guid', match),
  ],
  [
    /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
    (normalizer, match) => normalizer.placeholder('uuid', match),
  ],
  [/(arn:aws[\w-]*:[\w-]+:[\w-]*:)\d{12}(:)/g, '$1<account-id>$2'],
  [/\*{8}\d{4}/g, '********<account-last4>'],
];

/** A recorded outcome as snapshots hold it: no secret, no value that changes between runs. */
export interface SnapshotEntry {
  kind: Outcome['kind'];
  status: number | null;
  code?: string;
  errorType?: string;
  message?: JsonValue;
  headers?: JsonValue;
  body?: JsonValue;
}

/**
 * Replaces what changes between runs and what must never be written (LocalStack's snapshot transformers, in
 * small): ids become `<identity-id:1>`, keys `<access-key-id:1>`, dates `<datetime>`, the account `<account-id>`,
 * secrets and tokens placeholders. Numbering is by first appearance, so one identity keeps one number.
 */
export class Normalizer {
  private readonly replacements = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly words: Array<[RegExp, string]> = [];

  /**
   * `known`: values to replace everywhere, like the run id, the region, the API id. `words`: values replaced only
   * where they stand alone (the account id, which a zero GUID also contains).
   */
  constructor(
    known: ReadonlyArray<readonly [string, string]> = [],
    words: ReadonlyArray<readonly [string, string]> = [],
  ) {
    for (const [value, placeholder] of known) if (value) this.replacements.set(value, placeholder);
    for (const [value, placeholder] of words)
      if (value)
        this.words.push([
          new RegExp(`(?<![\\w-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'),
          placeholder,
        ]);
  }

  placeholder(kind: string, value: string): string {
    const existing = this.replacements.get(value);
    if (existing) return existing;
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    const placeholder = `<${kind}:${next}>`;
    this.replacements.set(value, placeholder);
    return placeholder;
  }

  /** First pass: learn the values of id and secret members, in order, so later mentions get the same placeholder. */
  learn(value: JsonValue | undefined, key?: string): void {
    if (typeof value === 'string' && key !== undefined) {
      if (urlEncodedKeys.test(key)) this.learnText(decodeURIComponent(value));
      else if (secretKeys[key] && value !== '') this.replacements.set(value, `<${secretKeys[key]}>`);
      else if (idKeys[key] && value !== '') this.placeholder(idKeys[key], value);
    } else if (Array.isArray(value)) {
      for (const item of value) this.learn(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [member, item] of Object.entries(value)) this.learn(item, member);
    }
  }

  /** Ids inside text (a decoded policy) are learned by pattern, in order, like the members' ones. */
  private learnText(text: string): void {
    this.normalizeText(text);
  }

  /** Second pass: the normalized copy. */
  normalize(value: JsonValue | undefined, key?: string): JsonValue {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') {
      if (key && secretKeys[key] && value !== '') return `<${secretKeys[key]}>`;
      return this.normalizeText(key && urlEncodedKeys.test(key) ? decodeURIComponent(value) : value);
    }
    if (Array.isArray(value)) return value.map((item) => this.normalize(item, key));
    if (typeof value === 'object') {
      const result: Record<string, JsonValue> = {};
      for (const [member, item] of Object.entries(value)) result[member] = this.normalize(item, member);
      return result;
    }
    return value;
  }

  normalizeText(text: string): string {
    let result = text;
    const known = [...this.replacements.entries()].sort((a, b) => b[0].length - a[0].length);
    for (const [value, placeholder] of known) if (value.length >= 4) result = result.split(value).join(placeholder);
    for (const [pattern, placeholder] of this.words) result = result.replace(pattern, placeholder);
    for (const [pattern, replacement] of patterns) {
      result =
        typeof replacement === 'string'
          ? result.replace(pattern, replacement)
          : result.replace(pattern, (match) => replacement(this, match));
    }
    return result;
  }

  /** An outcome as a snapshot entry (headers cut to the stable ones). */
  entry(outcome: Outcome): SnapshotEntry {
    const headers = Object.fromEntries(
      Object.entries(outcome.headers ?? {}).filter(([name]) => keptHeaders.test(name)),
    );
    const base: SnapshotEntry = { kind: outcome.kind, status: outcome.status ?? null };
    if (outcome.headers) base.headers = this.normalize(headers);
    if (outcome.kind === 'error') {
      return {
        ...base,
        code: outcome.code,
        ...(outcome.errorType ? { errorType: outcome.errorType } : {}),
        message: this.normalizeText(outcome.message),
        ...(outcome.body === undefined ? {} : { body: this.normalize(outcome.body) }),
      };
    }
    return { ...base, body: this.normalize(outcome.body) };
  }
}

/** Every outcome of a run, normalized together (two passes, so placeholders agree across contracts). */
export function normalizeOutcomes(
  outcomes: ReadonlyArray<readonly [string, Outcome]>,
  known: ReadonlyArray<readonly [string, string]>,
  words: ReadonlyArray<readonly [string, string]> = [],
): Record<string, SnapshotEntry> {
  const normalizer = new Normalizer(known, words);
  for (const [, outcome] of outcomes) normalizer.learn(outcome as unknown as JsonValue);
  const entries: Record<string, SnapshotEntry> = {};
  for (const [id, outcome] of outcomes) entries[id] = normalizer.entry(outcome);
  return entries;
}
