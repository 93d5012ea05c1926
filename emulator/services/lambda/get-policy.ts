import type { GetPolicyRequest, GetPolicyResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { ResourceNotFoundException } from './errors.js';
import { parseFunctionName } from './function-names.js';
import { policyRevision } from './function-versions.js';
import { policyDocument } from './resource-policy.js';

/** No function, no such version, or no policy: one answer (recorded: test_permission_exceptions, test_remove_multi_permissions). */
export const getPolicy: Operation<GetPolicyRequest, GetPolicyResponse> = (input, context) => {
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  const version = context.runtime.lambdaStore.findVersion(reference, reference.qualifier ?? '$LATEST');
  if (!version || version.policy.length === 0) throw new ResourceNotFoundException('The resource you requested does not exist.');
  return { Policy: policyDocument(version.policy), RevisionId: policyRevision(version, context.now.getTime()) };
};
