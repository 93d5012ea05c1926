import type { UpdateAssumeRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { checkTrustPolicy } from './policy-documents.js';
import { requireRole } from './roles.js';

export const updateAssumeRolePolicy: Operation<UpdateAssumeRolePolicyRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    checkTrustPolicy((input.PolicyDocument as string), context.region);
    iam.setAssumeRolePolicy(context.accountId, role.roleName, (input.PolicyDocument as string));
    return {};
  });
};
