import type { FunctionRecord } from '../../store/lambda-store.js';
import type { OperationContext } from '../service-definition.js';
import { InvalidParameterValueException } from './errors.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

/** The function a tagging operation's Resource ARN names (functions are the only taggable resources emulated). */
export function taggedFunction(resource: string, context: OperationContext): FunctionRecord {
  if (!resource.includes(':function:')) throw new InvalidParameterValueException(`idpool emulates tags on functions only, not on ${resource}`);
  const reference = parseFunctionName(resource, context);
  // [unverified] wording
  if (reference.qualifier !== undefined) throw new InvalidParameterValueException('Tags are not supported on function versions or aliases.');
  return requireFunction(context.runtime.lambdaStore, reference);
}
