import type { GetRolePolicyRequest, GetRolePolicyResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { NoSuchEntityException } from './errors.js';
import { encodePolicyDocument } from './policy-documents.js';
import { requireRole } from './roles.js';

export const getRolePolicy: Operation<GetRolePolicyRequest, GetRolePolicyResponse> = (input, context) => {
  const role = requireRole(context, input.RoleName!);
  const policy = context.runtime.iam.findInlinePolicy(context.accountId, role.roleName, input.PolicyName!);
  if (!policy) throw NoSuchEntityException.rolePolicy(input.PolicyName!);
  return { RoleName: role.roleName, PolicyName: policy.policyName, PolicyDocument: encodePolicyDocument(policy.document) };
};
