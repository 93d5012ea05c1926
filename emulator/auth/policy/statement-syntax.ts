import { isKnownOperator } from './condition-evaluator.js';
import { isLegacyDate } from './legacy-syntax.js';
import { MalformedPolicyDocumentError, MalformedPolicyMessages } from './malformed-policy-document-error.js';
import { validatePrincipalBlock } from './principal-syntax.js';
import type { PolicyStatement } from './types.js';

/** Syntax checks of one statement, in the order IAM reports them. Throws MalformedPolicyDocumentError. */

const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
]);

function fail(message: string): never {
  throw new MalformedPolicyDocumentError(message);
}

function isStringOrStringList(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function isConditionValue(value: unknown): boolean {
  const isScalar = (item: unknown) => ['string', 'number', 'boolean'].includes(typeof item);
  return isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

function validateConditionSyntax(condition: unknown): void {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition))
    fail(MalformedPolicyMessages.syntax);
  for (const [operatorName, keys] of Object.entries(condition)) {
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) fail(MalformedPolicyMessages.syntax);
    const entries = Object.entries(keys);
    if (!isKnownOperator(operatorName) && entries.length > 0) fail(MalformedPolicyMessages.syntax);
    for (const [, values] of entries) {
      if (!isConditionValue(values)) fail(MalformedPolicyMessages.syntax);
    }
  }
}

export function validateStatementSyntax(statement: unknown): asserts statement is PolicyStatement {
  if (typeof statement !== 'object' || statement === null || Array.isArray(statement))
    fail(MalformedPolicyMessages.syntax);
  const record = statement as Record<string, unknown>;
  for (const element of Object.keys(record)) {
    if (!STATEMENT_ELEMENTS.has(element)) fail(MalformedPolicyMessages.syntax);
  }
  const both = (a: string, b: string) => a in record && b in record;
  if (both('Action', 'NotAction') || both('Resource', 'NotResource') || both('Principal', 'NotPrincipal')) {
    fail(MalformedPolicyMessages.syntax);
  }
  if (typeof record.Effect !== 'string' || !['allow', 'deny'].includes(record.Effect.toLowerCase())) {
    fail(MalformedPolicyMessages.syntax);
  }
  for (const element of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (element in record && !isStringOrStringList(record[element])) fail(MalformedPolicyMessages.syntax);
  }
  if ('Sid' in record && typeof record.Sid !== 'string') fail(MalformedPolicyMessages.syntax);
  if ('Condition' in record) validateConditionSyntax(record.Condition);
  if ('Principal' in record) validatePrincipalBlock(record.Principal);
  if ('NotPrincipal' in record) validatePrincipalBlock(record.NotPrincipal);
}

/** IAM's older parser: exact-case Effect and Date condition values it can read. */
export function validateLegacyParsing(statement: PolicyStatement): void {
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') fail(MalformedPolicyMessages.legacyParsing);
  for (const [operatorName, keys] of Object.entries(statement.Condition ?? {})) {
    if (!/^(ForAnyValue:|ForAllValues:)?Date/i.test(operatorName)) continue;
    for (const values of Object.values(keys)) {
      for (const value of Array.isArray(values) ? values : [values]) {
        if (!isLegacyDate(String(value))) fail(MalformedPolicyMessages.legacyParsing);
      }
    }
  }
}

export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Every statement has actions: Action or NotAction, not an empty list. */
export function validateActionPresence(statements: PolicyStatement[]): void {
  for (const statement of statements) {
    if (asList(statement.Action ?? statement.NotAction).length === 0) fail(MalformedPolicyMessages.missingActions);
  }
}

/** Each action names its vendor once, in letters, digits, `-` and `.`: Action of every statement, then NotAction. */
export function validateActionPrefixes(statements: PolicyStatement[]): void {
  for (const key of ['Action', 'NotAction'] as const) {
    for (const statement of statements) {
      for (const action of asList(statement[key])) {
        if (action === '*') continue;
        const parts = action.split(':');
        if (parts.length === 1) fail(MalformedPolicyMessages.actionWithoutVendor);
        if (parts.length > 2) fail(MalformedPolicyMessages.actionWithManyColons);
        if (/[^a-zA-Z0-9\-.]/.test(parts[0])) fail(MalformedPolicyMessages.invalidVendor(parts[0]));
      }
    }
  }
}
