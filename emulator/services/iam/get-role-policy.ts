import type { GetRolePolicyRequest, GetRolePolicyResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { NoSuchEntityException } from './errors.js';
import { encodePolicyDocument } from './policy-documents.js';
import { requireRole } from './roles.js';

export const getRolePolicy: Operation<GetRolePolicyRequest, GetRolePolicyResponse> = (input, context) => {
  const role = requireRole(context, (input.RoleName as string));
  const policy = context.runtime.iam.findInlinePolicy(context.accountId, role.roleName, (input.PolicyName as string));
  if (!policy) throw NoSuchEntityException.rolePolicy((input.PolicyName as string));
  return { RoleName: role.roleName, PolicyName: policy.policyName, PolicyDocument: encodePolicyDocument(policy.document) };
};
