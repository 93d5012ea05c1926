import type { GetPolicyRequest, GetPolicyResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { lambdaErrors } from './errors.js';
import { parseFunctionName } from './function-names.js';
import { policyRevision } from './function-versions.js';
import { policyDocument } from './resource-policy.js';

/** No function, no such version, or no policy: one answer. */
export const getPolicy = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: GetPolicyRequest, context): GetPolicyResponse => {
      const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
      const version = lambdaStore.findVersion(reference, reference.qualifier ?? '$LATEST');
      if (!version || version.policy.length === 0) throw lambdaErrors.noPolicy();
      return { Policy: policyDocument(version.policy), RevisionId: policyRevision(version, context.now.getTime()) };
    },
);
