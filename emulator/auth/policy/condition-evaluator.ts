import { BASE_OPERATORS, type PolicyValueMatcher } from './condition-operators.js';
import type { ContextScalar, RequestContext } from './request-context.js';

/**
 * One `operator: { key: values }` pair of a Condition block, compiled once per policy.
 *
 * Semantics (IAM User Guide, "Condition operators" and "Multivalued context keys"):
 * - the values of one key are OR'd; for a negated operator the condition holds when *no* value matches;
 * - a key absent from the request fails a positive operator and satisfies a negated one;
 *   `…IfExists` holds whenever the key is absent;
 * - a multivalued request value (a list) needs a set operator; a plain operator never holds against one;
 * - `ForAnyValue:` holds when at least one request value satisfies the base operator, and is false for an
 *   absent or empty key; `ForAllValues:` holds when every request value satisfies it, and is true for an absent
 *   or empty key. With a negated base operator "satisfies" means "matches none of the policy values";
 * - `Null: {key: "true"}` holds when the key is absent (or an empty list), `"false"` when it is present;
 * - a policy value whose policy variable has no value matches nothing; under a negated operator it makes the
 *   comparison fail instead of counting as "not matched", since AWS warns that an unresolvable variable may
 *   invalidate the whole statement.
 */
export type CompiledCondition =
  | {
      kind: 'compare';
      lowerCaseKey: string;
      setOperator?: 'ForAnyValue' | 'ForAllValues';
      ifExists: boolean;
      negated: boolean;
      matchers: PolicyValueMatcher[];
    }
  | { kind: 'null'; lowerCaseKey: string; expectAbsent: boolean[] }
  | { kind: 'unsupported' };

const SET_OPERATOR = /^(ForAnyValue|ForAllValues):/i;

interface ParsedOperatorName {
  setOperator?: 'ForAnyValue' | 'ForAllValues';
  baseName: string;
  ifExists: boolean;
}

function parseOperatorName(operatorName: string): ParsedOperatorName {
  let rest = operatorName;
  let setOperator: ParsedOperatorName['setOperator'];
  const setMatch = SET_OPERATOR.exec(rest);
  if (setMatch) {
    setOperator = setMatch[1].toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues';
    rest = rest.slice(setMatch[0].length);
  }
  const ifExists = /IfExists$/i.test(rest) && rest.toLowerCase() !== 'ifexists';
  const baseName = (ifExists ? rest.slice(0, -'IfExists'.length) : rest).toLowerCase();
  return { setOperator, baseName, ifExists };
}

export function isKnownOperator(operatorName: string): boolean {
  const { baseName, setOperator, ifExists } = parseOperatorName(operatorName);
  if (baseName === 'null') return !setOperator && !ifExists;
  return BASE_OPERATORS.has(baseName);
}

export function compileCondition(
  operatorName: string,
  key: string,
  policyValues: string[],
  variablesEnabled: boolean,
): CompiledCondition {
  const { setOperator, baseName, ifExists } = parseOperatorName(operatorName);
  const lowerCaseKey = key.toLowerCase();
  if (baseName === 'null') {
    const expectAbsent = policyValues
      .map((value) => value.toLowerCase())
      .filter((value) => value === 'true' || value === 'false')
      .map((value) => value === 'true');
    return { kind: 'null', lowerCaseKey, expectAbsent };
  }
  const operator = BASE_OPERATORS.get(baseName);
  if (!operator) return { kind: 'unsupported' };
  return {
    kind: 'compare',
    lowerCaseKey,
    setOperator,
    ifExists,
    negated: operator.negated,
    matchers: policyValues.map((value) => operator.compile(value, variablesEnabled)),
  };
}

export function conditionHolds(condition: CompiledCondition, context: RequestContext): boolean {
  if (condition.kind === 'unsupported') return false;
  const requestValues = context.values(condition.lowerCaseKey);
  if (condition.kind === 'null') {
    const absent = requestValues === undefined || requestValues.length === 0;
    return condition.expectAbsent.some((expectAbsent) => expectAbsent === absent);
  }
  if (requestValues === undefined && condition.ifExists) return true;

  const matchesAnyPolicyValue = (requestValue: ContextScalar) =>
    condition.matchers.some((matcher) => matcher(requestValue, context) === true);
  const matchesNoPolicyValue = (requestValue: ContextScalar) =>
    condition.matchers.every((matcher) => matcher(requestValue, context) === false);
  const satisfies = condition.negated ? matchesNoPolicyValue : matchesAnyPolicyValue;

  switch (condition.setOperator) {
    case 'ForAnyValue':
      return requestValues?.some(satisfies) ?? false;
    case 'ForAllValues':
      return requestValues === undefined || requestValues.every(satisfies);
    default:
      if (requestValues === undefined) return condition.negated;
      // "Multivalued context keys require a condition set operator": without one, a list never matches.
      if (context.isMultivalued(condition.lowerCaseKey)) return false;
      return satisfies(requestValues[0]);
  }
}
