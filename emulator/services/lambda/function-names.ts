import type { FunctionKey } from '../../store/lambda-store.js';
import { InvalidParameterValueException } from './errors.js';

/** A FunctionName parameter resolved to the function it names in the caller's account and region. */
export interface FunctionReference extends FunctionKey {
  /** A version number, `$LATEST` or an alias name, from the name's `:suffix` or the Qualifier parameter. */
  qualifier: string | undefined;
  /** The ARN as the caller qualified it, for "Function not found: …" messages. */
  requestedArn: string;
  /** Whether the name pointed at another account or region than the request's (it then names nothing here). */
  foreign: boolean;
}

export function functionArn(key: FunctionKey, qualifier?: string): string {
  const arn = `arn:aws:lambda:${key.region}:${key.accountId}:function:${key.name}`;
  return qualifier === undefined ? arn : `${arn}:${qualifier}`;
}

const fullArn = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([^:]+)(?::([^:]+))?$/;
const partialArn = /^(\d{12}):function:([^:]+)(?::([^:]+))?$/;
const nameWithQualifier = /^([^:]+)(?::([^:]+))?$/;

/**
 * Reads the three forms Lambda accepts: `my-function[:qualifier]`, `123456789012:function:my-function[:qualifier]`
 * and `arn:aws:lambda:us-east-1:123456789012:function:my-function[:qualifier]`. The model's pattern has already
 * checked the characters.
 */
export function parseFunctionName(functionName: string, context: { accountId: string; region: string }, qualifierParameter?: string): FunctionReference {
  let accountId = context.accountId;
  let region = context.region;
  let name: string;
  let derived: string | undefined;
  let match = fullArn.exec(functionName);
  if (match) {
    [, region, accountId, name, derived] = match as unknown as [string, string, string, string, string | undefined];
  } else if ((match = partialArn.exec(functionName))) {
    [, accountId, name, derived] = match as unknown as [string, string, string, string | undefined];
  } else if ((match = nameWithQualifier.exec(functionName))) {
    [, name, derived] = match as unknown as [string, string, string | undefined];
  } else {
    throw new InvalidParameterValueException(`Invalid function name: ${functionName}`);
  }
  if (derived !== undefined && qualifierParameter !== undefined && derived !== qualifierParameter) {
    throw new InvalidParameterValueException('The derived qualifier from the function name does not match the specified qualifier.');
  }
  const qualifier = derived ?? qualifierParameter;
  const key = { accountId, region, name };
  return {
    ...key,
    qualifier,
    requestedArn: functionArn(key, qualifier),
    foreign: accountId !== context.accountId || region !== context.region,
  };
}
