import type { FunctionRecord, LambdaStore } from '../../store/lambda-store.js';
import { lambdaErrors } from './errors.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

/** Lambda's limit of tags per resource. */
const maxTags = 50;

/** More than 50 tags, on TagResource or CreateFunction. */
export function checkTagCount(count: number): void {
  if (count > maxTags) throw lambdaErrors.tooManyTags();
}

/**
 * The function a tagging operation's Resource ARN names (functions are the only taggable resources emulated). A
 * qualified ARN is refused before the function is looked up, as recorded (test_tag_exceptions, test_tag_versions).
 */
export function taggedFunction(
  store: Pick<LambdaStore, 'findFunction'>,
  resource: string,
  context: { accountId: string; region: string },
): FunctionRecord {
  if (!resource.includes(':function:')) throw lambdaErrors.untaggableResource(resource);
  const reference = parseFunctionName(resource, context);
  if (reference.qualifier !== undefined) throw lambdaErrors.tagsOnQualified();
  return requireFunction(store, reference);
}
