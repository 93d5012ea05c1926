import type { FunctionRecord } from '../../store/lambda-store.js';
import type { OperationContext } from '../service-definition.js';
import { InvalidParameterValueException } from './errors.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

/** Lambda's limit of tags per resource. */
const maxTags = 50;

/** Recorded (test_tag_limits): more than 50 tags, on TagResource or CreateFunction. */
export function checkTagCount(count: number): void {
  if (count > maxTags) throw new InvalidParameterValueException('Number of tags exceeds resource tag limit.');
}

/**
 * The function a tagging operation's Resource ARN names (functions are the only taggable resources emulated). A
 * qualified ARN is refused before the function is looked up, as recorded (test_tag_exceptions, test_tag_versions).
 */
export function taggedFunction(resource: string, context: OperationContext): FunctionRecord {
  if (!resource.includes(':function:')) throw new InvalidParameterValueException(`idpool emulates tags on functions only, not on ${resource}`);
  const reference = parseFunctionName(resource, context);
  if (reference.qualifier !== undefined) {
    throw new InvalidParameterValueException('Tags on function aliases and versions are not supported. Please specify a function ARN.');
  }
  return requireFunction(context.runtime.lambdaStore, reference);
}
