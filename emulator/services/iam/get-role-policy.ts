import type { GetRolePolicyRequest, GetRolePolicyResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { encodePolicyDocument } from './policy-documents.js';
import { requireRole } from './roles.js';

export const getRolePolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: GetRolePolicyRequest, context): GetRolePolicyResponse => {
      const policyName = input.PolicyName as string;
      const role = requireRole(iam, context.accountId, input.RoleName as string);
      const policy = iam.findInlinePolicy(context.accountId, role.roleName, policyName);
      if (!policy) throw iamErrors.rolePolicyNotFound(policyName);
      return {
        RoleName: role.roleName,
        PolicyName: policy.policyName,
        PolicyDocument: encodePolicyDocument(policy.document),
      };
    },
);
