import type { DetachRolePolicyRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { policyArnAccount } from './managed-policies.js';

/** A policy that is not attached to the role (or does not exist) answers "Policy <arn> was not found.". */
export const detachRolePolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: DetachRolePolicyRequest, context): Record<string, never> => {
      const arn = input.PolicyArn as string;
      const roleName = input.RoleName as string;
      policyArnAccount(arn);
      const result = iam.detachRolePolicy(context.accountId, roleName, arn);
      if (result === 'no-role') throw iamErrors.roleNotFound(roleName);
      if (result === 'not-attached') throw iamErrors.policyNotFound(arn);
      return {};
    },
);
