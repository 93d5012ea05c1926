import { Buffer } from 'node:buffer';
import { matchesArnPattern } from './arn-pattern.js';
import { ipInNetwork, parseIpNetwork } from './ip-address.js';
import { parseTemplate, resolveToGlob, resolveToText } from './policy-variables.js';
import type { ContextScalar, RequestContext } from './request-context.js';
import { compileGlob } from './wildcard-pattern.js';

/**
 * The base condition operators (without `ForAnyValue:`/`ForAllValues:` and `IfExists`). Each compiles one
 * policy value into a matcher for the operator's *positive* sense; a negated operator (`StringNotEquals`,
 * `NotIpAddress`, …) uses its positive counterpart's matcher and condition-evaluator.ts inverts the result.
 * A matcher answers `undefined` when the policy value holds a policy variable without a value.
 */

export type PolicyValueMatcher = (contextValue: ContextScalar, context: RequestContext) => boolean | undefined;

export interface BaseOperator {
  negated: boolean;
  compile(policyValue: string, variablesEnabled: boolean): PolicyValueMatcher;
}

const NEVER: PolicyValueMatcher = () => false;

function stringEquals(policyValue: string, variablesEnabled: boolean): PolicyValueMatcher {
  const template = parseTemplate(policyValue, variablesEnabled);
  if (!template.parts) return (contextValue) => String(contextValue) === policyValue;
  return (contextValue, context) => {
    const resolved = resolveToText(template, context);
    return resolved === undefined ? undefined : resolved === String(contextValue);
  };
}

function stringEqualsIgnoreCase(policyValue: string, variablesEnabled: boolean): PolicyValueMatcher {
  const template = parseTemplate(policyValue, variablesEnabled);
  const lowerCasePolicyValue = policyValue.toLowerCase();
  if (!template.parts) return (contextValue) => String(contextValue).toLowerCase() === lowerCasePolicyValue;
  return (contextValue, context) => equalsIgnoringCase(resolveToText(template, context), contextValue);
}

function equalsIgnoringCase(resolved: string | undefined, contextValue: ContextScalar): boolean | undefined {
  return resolved === undefined ? undefined : resolved.toLowerCase() === String(contextValue).toLowerCase();
}

function stringLike(policyValue: string, variablesEnabled: boolean): PolicyValueMatcher {
  const template = parseTemplate(policyValue, variablesEnabled);
  return (contextValue, context) => {
    const glob = resolveToGlob(template, context);
    return glob === undefined ? undefined : compileGlob(glob, false).test(String(contextValue));
  };
}

function bool(policyValue: string, variablesEnabled: boolean): PolicyValueMatcher {
  const template = parseTemplate(policyValue, variablesEnabled);
  return (contextValue, context) => equalsIgnoringCase(resolveToText(template, context), contextValue);
}

function arnLike(policyValue: string, variablesEnabled: boolean): PolicyValueMatcher {
  const template = parseTemplate(policyValue, variablesEnabled);
  return (contextValue, context) => {
    const glob = resolveToGlob(template, context);
    return glob === undefined ? undefined : matchesArnPattern(glob, String(contextValue));
  };
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(value: ContextScalar): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined;
}

const EPOCH_SECONDS = /^-?\d+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?)?$/;

/** ISO 8601 (`2026-01-01T00:00:00Z`, `2026-01-01`) or epoch seconds → epoch milliseconds. */
function parseDate(value: ContextScalar): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (EPOCH_SECONDS.test(trimmed)) return Number(trimmed) * 1000;
  if (!ISO_8601.test(trimmed)) return undefined;
  const withoutOffsetColon = trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const milliseconds = Date.parse(
    withoutOffsetColon.length === 10 ? `${withoutOffsetColon}T00:00:00Z` : withoutOffsetColon,
  );
  return Number.isNaN(milliseconds) ? undefined : milliseconds;
}

function comparison(
  parse: (value: ContextScalar) => number | undefined,
  holds: (contextNumber: number, policyNumber: number) => boolean,
): (policyValue: string) => PolicyValueMatcher {
  return (policyValue) => {
    const policyNumber = parse(policyValue);
    if (policyNumber === undefined) return NEVER;
    return (contextValue) => {
      const contextNumber = parse(contextValue);
      return contextNumber !== undefined && holds(contextNumber, policyNumber);
    };
  };
}

function binaryEquals(policyValue: string): PolicyValueMatcher {
  const policyBytes = Buffer.from(policyValue, 'base64');
  return (contextValue) => Buffer.from(String(contextValue), 'base64').equals(policyBytes);
}

function ipAddress(policyValue: string): PolicyValueMatcher {
  const network = parseIpNetwork(policyValue);
  if (!network) return NEVER;
  return (contextValue) => ipInNetwork(String(contextValue), network);
}

const equal = (a: number, b: number) => a === b;
const lessThan = (a: number, b: number) => a < b;
const lessThanEquals = (a: number, b: number) => a <= b;
const greaterThan = (a: number, b: number) => a > b;
const greaterThanEquals = (a: number, b: number) => a >= b;

function positive(compile: BaseOperator['compile']): BaseOperator {
  return { negated: false, compile };
}
function negated(compile: BaseOperator['compile']): BaseOperator {
  return { negated: true, compile };
}

/** Keyed by the lower-case operator name. */
export const BASE_OPERATORS: ReadonlyMap<string, BaseOperator> = new Map([
  ['stringequals', positive(stringEquals)],
  ['stringnotequals', negated(stringEquals)],
  ['stringequalsignorecase', positive(stringEqualsIgnoreCase)],
  ['stringnotequalsignorecase', negated(stringEqualsIgnoreCase)],
  ['stringlike', positive(stringLike)],
  ['stringnotlike', negated(stringLike)],
  ['numericequals', positive(comparison(parseNumber, equal))],
  ['numericnotequals', negated(comparison(parseNumber, equal))],
  ['numericlessthan', positive(comparison(parseNumber, lessThan))],
  ['numericlessthanequals', positive(comparison(parseNumber, lessThanEquals))],
  ['numericgreaterthan', positive(comparison(parseNumber, greaterThan))],
  ['numericgreaterthanequals', positive(comparison(parseNumber, greaterThanEquals))],
  ['dateequals', positive(comparison(parseDate, equal))],
  ['datenotequals', negated(comparison(parseDate, equal))],
  ['datelessthan', positive(comparison(parseDate, lessThan))],
  ['datelessthanequals', positive(comparison(parseDate, lessThanEquals))],
  ['dategreaterthan', positive(comparison(parseDate, greaterThan))],
  ['dategreaterthanequals', positive(comparison(parseDate, greaterThanEquals))],
  ['bool', positive(bool)],
  ['binaryequals', positive(binaryEquals)],
  ['ipaddress', positive(ipAddress)],
  ['notipaddress', negated(ipAddress)],
  ['arnequals', positive(arnLike)],
  ['arnlike', positive(arnLike)],
  ['arnnotequals', negated(arnLike)],
  ['arnnotlike', negated(arnLike)],
]);
