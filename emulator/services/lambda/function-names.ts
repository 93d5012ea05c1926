import { LruCache } from '../../auth/policy/lru-cache.js';
import { partitionOf } from '../../partition.js';
import type { FunctionKey } from '../../store/lambda-store.js';
import { lambdaErrors } from './errors.js';

/** A FunctionName parameter resolved to the function it names in the caller's account and region. */
export interface FunctionReference extends FunctionKey {
  /** A version number, `$LATEST` or an alias name, from the name's `:suffix` or the Qualifier parameter. */
  qualifier: string | undefined;
  /** The ARN as the caller qualified it, for "Function not found: …" messages. */
  requestedArn: string;
}

export function functionArn(key: FunctionKey, qualifier?: string): string {
  const arn = `arn:${partitionOf(key.region)}:lambda:${key.region}:${key.accountId}:function:${key.name}`;
  return qualifier === undefined ? arn : `${arn}:${qualifier}`;
}

/**
 * AWS's own pattern for function names, with its parts captured (the pattern its validation messages quote:
 * partition, region, account, `function:`, name, qualifier, each but the name optional). The model's pattern has
 * already checked the characters, so `arn:aws:lambda:us-east-1:123456789012:function` names the function `function`,
 * as AWS reads it (recorded: test_function_name_and_qualifier_validation[incomplete_arn-get_function]).
 */
const arnPrefixPattern = /(?:arn:(aws[a-zA-Z-]*)?:lambda:)?/.source;
const regionPattern = /(?:((?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):)?/.source;
const accountPattern = /(?:(\d{12}):)?(?:function:)?/.source;
const nameAndQualifierPattern = /([a-zA-Z0-9_.-]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9_-]+))?/.source;
const functionNamePattern = new RegExp(
  `^${arnPrefixPattern}${regionPattern}${accountPattern}${nameAndQualifierPattern}$`,
);

/**
 * The pattern's parts of the names seen last: each execute-api call through a Lambda integration reads the same ARN
 * again, and the pattern's optional parts cost ~2 µs a match.
 */
const parsedNames = new LruCache<string, RegExpExecArray | null>(1_000);

/**
 * Reads a FunctionName as Lambda does: `my-function[:qualifier]`, `123456789012:function:my-function[:qualifier]` or
 * the full ARN. A function of another region is unreachable (404) and one of another account refused (403), as
 * recorded (test_function_arns, test_get_function_wrong_region).
 */
export function parseFunctionName(
  functionName: string,
  context: { accountId: string; region: string },
  qualifierParameter?: string,
): FunctionReference {
  const match = parsedNames.getOrCreate(functionName, (name) => functionNamePattern.exec(name));
  if (!match) throw lambdaErrors.invalidFunctionName(functionName);
  const [, , region = context.region, accountId = context.accountId, name, derived] = match;
  if (derived !== undefined && qualifierParameter !== undefined && derived !== qualifierParameter) {
    throw lambdaErrors.qualifierMismatch();
  }
  if (region !== context.region) throw lambdaErrors.otherRegion(region, context.region);
  if (accountId !== context.accountId) throw lambdaErrors.otherAccount();
  const qualifier = derived ?? qualifierParameter;
  const key = { accountId, region, name };
  return { ...key, qualifier, requestedArn: functionArn(key, qualifier) };
}

/** The ARN Invoke and PutFunctionConcurrency name in "Function not found": `$LATEST` when unqualified (recorded). */
export function latestQualifiedArn(reference: FunctionReference): string {
  return functionArn(reference, reference.qualifier ?? '$LATEST');
}
