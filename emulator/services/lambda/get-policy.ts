import type { GetPolicyRequest, GetPolicyResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { ResourceNotFoundException } from './errors.js';
import { requireVersion } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';
import { policyDocument } from './resource-policy.js';

export const getPolicy: Operation<GetPolicyRequest, GetPolicyResponse> = (input, context) => {
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  const version = requireVersion(context.runtime.lambdaStore, reference);
  if (version.policy.length === 0) throw new ResourceNotFoundException('The resource you requested does not exist.');
  return { Policy: policyDocument(version.policy), RevisionId: version.revisionId };
};
