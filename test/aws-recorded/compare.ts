import type { Json } from './wire-shape.js';

/**
 * Compares idpool's answer with a recorded one. The recordings replace ids, ARNs, dates and names by placeholders
 * (LocalStack's transformers): `<uuid:2>` is one value, the same wherever `<uuid:2>` appears in the recorded test and
 * another than `<uuid:1>`'s; an unnumbered `<region>` or `<datetime>` is any value. idpool's answer is normalized the
 * same way by binding each numbered placeholder to the value found in its place, so a RevisionId that did not change
 * where AWS's did is a difference, as is a different id where AWS repeated one.
 */
export type DifferenceKind =
  | 'outcome'
  | 'status'
  | 'error-code'
  | 'message'
  | 'missing-field'
  | 'extra-field'
  | 'value'
  | 'not-reproduced';

export const differenceKinds: DifferenceKind[] = [
  'outcome',
  'status',
  'error-code',
  'message',
  'missing-field',
  'extra-field',
  'value',
  'not-reproduced',
];

export interface Difference {
  path: string;
  kind: DifferenceKind;
  recorded?: Json;
  actual?: Json;
}

/** The values numbered placeholders stand for in one recorded test (a snapshot key). */
export class Bindings {
  private readonly values = new Map<string, string>();
  private readonly owners = new Map<string, string>();

  valueOf(placeholder: string): string | undefined {
    return this.values.get(placeholder);
  }

  /** Whether `value` may stand for `placeholder`: not already another placeholder's of the same kind. */
  canBind(placeholder: string, value: string): boolean {
    const owner = this.owners.get(`${kindOf(placeholder)}\n${value}`);
    return owner === undefined || owner === placeholder;
  }

  bind(placeholder: string, value: string): void {
    this.values.set(placeholder, value);
    this.owners.set(`${kindOf(placeholder)}\n${value}`, placeholder);
  }
}

function kindOf(placeholder: string): string {
  return placeholder.split(':')[0];
}

/** Recorded values LocalStack's transformers write literally, without angle brackets, per member name. */
const literalReplacements: Record<string, string[]> = {
  LastModified: ['date'],
  CodeSha256: ['code-sha256'],
  createdDate: ['datetime'],
  lastUpdatedDate: ['datetime'],
};

/** HTML in recorded bodies is not a placeholder. */
const htmlTags = new Set([
  'p',
  'br',
  'html',
  'head',
  'body',
  'title',
  'style',
  'h1',
  'h2',
  'hr',
  'pre',
  'center',
  'b',
  'i',
  'div',
  'span',
]);

/** Placeholders standing for paths, which hold `/`. */
const pathKinds = new Set(['path', 'path-prefix', 'location', 'uri', 'url', 'resource-path']);

const placeholderPattern = /<([A-Za-z][\w.-]*)(?::(\d+))?>/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matches an actual scalar against a recorded string that may hold placeholders; on success the new bindings are
 * kept. A recorded string without placeholders must be equal.
 */
function matchText(recordedText: string, actual: string, bindings: Bindings): boolean {
  // A regex transformer of the name tests writes `'a' * 129` as `<a:len(129)>`.
  const recorded = recordedText.replace(/<a:len\((\d+)\)>/g, (_, count: string) => 'a'.repeat(Number(count)));
  let pattern = '';
  let last = 0;
  const groups: string[] = [];
  for (const match of recorded.matchAll(placeholderPattern)) {
    const [whole, name, number] = match;
    if (htmlTags.has(name.toLowerCase())) continue;
    pattern += escapeRegExp(recorded.slice(last, match.index));
    last = (match.index as number) + whole.length;
    if (number === undefined) {
      pattern += '[\\s\\S]*?';
      continue;
    }
    const placeholder = `${name}:${number}`;
    const bound = bindings.valueOf(placeholder);
    if (bound !== undefined) pattern += escapeRegExp(bound);
    else if (groups.includes(placeholder)) pattern += `\\k<g${groups.indexOf(placeholder)}>`;
    else {
      // Inside a longer string (an ARN, a path, a message) a name or id never spans a `:` or `/` separator.
      const value = whole === recorded ? '[\\s\\S]+' : pathKinds.has(name) ? '[^:]+?' : '[^/:]+?';
      pattern += `(?<g${groups.length}>${value})`;
      groups.push(placeholder);
    }
  }
  if (last === 0 && pattern === '') return recorded === actual;
  pattern += escapeRegExp(recorded.slice(last));
  const found = new RegExp(`^${pattern}$`).exec(actual);
  if (!found) return false;
  const fresh = groups.map((placeholder, index) => [placeholder, found.groups?.[`g${index}`] as string] as const);
  if (!fresh.every(([placeholder, value]) => bindings.canBind(placeholder, value))) return false;
  for (const [placeholder, value] of fresh) bindings.bind(placeholder, value);
  return true;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isErrorAnswer(value: Json | undefined): boolean {
  return isObject(value) && isObject(value.Error);
}

function describeOutcome(value: Json | undefined): Json {
  if (!isObject(value)) return value ?? null;
  const status = isObject(value.ResponseMetadata) ? value.ResponseMetadata.HTTPStatusCode : undefined;
  if (isErrorAnswer(value)) {
    const error = value.Error as Record<string, Json>;
    return `${status ?? '?'} ${error.Code}: ${error.Message}`;
  }
  return `${status ?? '?'} success`;
}

function kindAt(path: string, isError: boolean): DifferenceKind {
  if (path === 'ResponseMetadata.HTTPStatusCode') return 'status';
  if (path === 'Error.Code') return 'error-code';
  if (path === 'Error.Message' || (isError && (path === 'message' || path === 'Message'))) return 'message';
  return 'value';
}

export interface CompareOptions {
  /** Rewrites a recorded scalar before comparison (the reproduction's documented translations). */
  translate?: (key: string | undefined, recorded: Json) => Json;
}

/** The differences between a recorded answer and idpool's, binding placeholders as it goes. */
export function compareAnswers(
  recorded: Json,
  actual: Json,
  bindings: Bindings,
  options: CompareOptions = {},
): Difference[] {
  const isError = isErrorAnswer(recorded);
  const hasMetadata = isObject(recorded) && 'ResponseMetadata' in recorded;
  if (hasMetadata && isError !== isErrorAnswer(actual)) {
    return [{ path: '', kind: 'outcome', recorded: describeOutcome(recorded), actual: describeOutcome(actual) }];
  }
  const differences: Difference[] = [];
  walk(recorded, actual, '', undefined, { bindings, differences, isError, translate: options.translate });
  return differences;
}

interface WalkState {
  bindings: Bindings;
  differences: Difference[];
  isError: boolean;
  translate?: CompareOptions['translate'];
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function walk(
  recordedValue: Json,
  actual: Json | undefined,
  path: string,
  key: string | undefined,
  state: WalkState,
): void {
  const recorded = state.translate ? state.translate(key, recordedValue) : recordedValue;
  if (isObject(recorded)) {
    if (!isObject(actual)) {
      state.differences.push({ path, kind: kindAt(path, state.isError), recorded, actual });
      return;
    }
    walkObject(recorded, actual, path, state);
    return;
  }
  if (Array.isArray(recorded)) {
    if (!Array.isArray(actual)) {
      state.differences.push({ path, kind: kindAt(path, state.isError), recorded, actual });
      return;
    }
    for (let index = 0; index < Math.max(recorded.length, actual.length); index += 1) {
      const itemPath = `${path}[${index}]`;
      if (index >= actual.length)
        state.differences.push({ path: itemPath, kind: 'missing-field', recorded: recorded[index] });
      else if (index >= recorded.length)
        state.differences.push({ path: itemPath, kind: 'extra-field', actual: actual[index] });
      else walk(recorded[index], actual[index], itemPath, undefined, state);
    }
    return;
  }
  if (actual === undefined) {
    state.differences.push({ path, kind: 'missing-field', recorded });
    return;
  }
  if (
    typeof recorded === 'string' &&
    key !== undefined &&
    literalReplacements[key]?.includes(recorded) &&
    actual !== null
  )
    return;
  const matches =
    typeof recorded === 'string' && actual !== null && typeof actual !== 'object'
      ? matchText(recorded, String(actual), state.bindings) && (typeof actual === 'string' || recorded.includes('<'))
      : recorded === actual;
  if (!matches) state.differences.push({ path, kind: kindAt(path, state.isError), recorded, actual });
}

function walkObject(
  recorded: { [key: string]: Json },
  actual: { [key: string]: Json },
  path: string,
  state: WalkState,
): void {
  const unpaired = new Set(Object.keys(actual));
  for (const [key, value] of Object.entries(recorded)) {
    let actualKey: string | undefined = key in actual ? key : undefined;
    if (actualKey === undefined && key.includes('<')) {
      actualKey = [...unpaired].find(
        (candidate) => !(candidate in recorded) && matchText(key, candidate, state.bindings),
      );
    }
    if (actualKey === undefined) {
      if (value !== null) state.differences.push({ path: join(path, key), kind: 'missing-field', recorded: value });
      continue;
    }
    unpaired.delete(actualKey);
    walk(value, actual[actualKey], join(path, key), key, state);
  }
  for (const key of unpaired)
    state.differences.push({ path: join(path, key), kind: 'extra-field', actual: actual[key] });
}
