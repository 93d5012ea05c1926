import { compileCondition, type CompiledCondition } from './condition-evaluator.js';
import { parseTemplate, type PolicyTemplate } from './policy-variables.js';
import { compilePrincipalBlock, type PrincipalEntry } from './principal-match.js';
import type { PolicyDocument, PolicyStatement, StringOrList } from './types.js';
import { hasWildcard, toEscapedGlob } from './wildcard-pattern.js';

/** A policy statement prepared for fast, repeated evaluation. */
export interface CompiledStatement {
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Lower-case exact actions and escaped globs (matched case-insensitively). */
  actions: { negated: boolean; exact: Set<string>; globs: string[] };
  /** Undefined when the statement has neither Resource nor NotResource (trust policies). */
  resources?: { negated: boolean; templates: PolicyTemplate[] };
  principals?: { negated: boolean; entries: PrincipalEntry[] };
  conditions: CompiledCondition[];
}

const compiledPolicies = new WeakMap<PolicyDocument, CompiledStatement[]>();

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function compileActions(
  action: StringOrList | undefined,
  notAction: StringOrList | undefined,
): CompiledStatement['actions'] {
  const exact = new Set<string>();
  const globs: string[] = [];
  for (const pattern of asList(action ?? notAction)) {
    const glob = toEscapedGlob(pattern.toLowerCase());
    if (hasWildcard(glob)) globs.push(glob);
    else exact.add(pattern.toLowerCase());
  }
  return { negated: action === undefined && notAction !== undefined, exact, globs };
}

function compileConditions(statement: PolicyStatement, variablesEnabled: boolean): CompiledCondition[] {
  const conditions: CompiledCondition[] = [];
  for (const [operatorName, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      conditions.push(compileCondition(operatorName, key, asList(values).map(String), variablesEnabled));
    }
  }
  return conditions;
}

function compileStatement(
  statement: PolicyStatement,
  statementIndex: number,
  variablesEnabled: boolean,
): CompiledStatement {
  const resourcePatterns = statement.Resource ?? statement.NotResource;
  const principalBlock = statement.Principal ?? statement.NotPrincipal;
  return {
    statementIndex,
    sid: statement.Sid,
    effect: statement.Effect,
    actions: compileActions(statement.Action, statement.NotAction),
    resources:
      resourcePatterns === undefined
        ? undefined
        : {
            negated: statement.Resource === undefined,
            templates: asList(resourcePatterns).map((pattern) => parseTemplate(pattern, variablesEnabled)),
          },
    principals:
      principalBlock === undefined
        ? undefined
        : { negated: statement.Principal === undefined, entries: compilePrincipalBlock(principalBlock) },
    conditions: compileConditions(statement, variablesEnabled),
  };
}

/**
 * Compiles a policy once and remembers it for as long as the document object lives, so callers should treat
 * documents as immutable once evaluated. Policy variables exist only in Version 2012-10-17; older (or absent)
 * versions take `${…}` literally, as AWS does.
 */
export function compilePolicy(policy: PolicyDocument): CompiledStatement[] {
  const cached = compiledPolicies.get(policy);
  if (cached) return cached;
  const variablesEnabled = policy.Version === '2012-10-17';
  const compiled = asList(policy.Statement).map((statement, index) =>
    compileStatement(statement, index, variablesEnabled),
  );
  compiledPolicies.set(policy, compiled);
  return compiled;
}
