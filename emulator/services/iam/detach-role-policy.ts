import type { DetachRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { NoSuchEntityException } from './errors.js';
import { policyArnAccount } from './managed-policies.js';
import { requireRole } from './roles.js';

/** A policy that is not attached to the role (or does not exist) answers "Policy <arn> was not found.". */
export const detachRolePolicy: Operation<DetachRolePolicyRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  const arn = input.PolicyArn as string;
  policyArnAccount(arn);
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    if (!iam.detachPolicy(context.accountId, role.roleName, arn)) throw NoSuchEntityException.policy(arn);
    return {};
  });
};
