import type { UpdateAssumeRolePolicyRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { checkTrustPolicy } from './policy-documents.js';
import { requireRole } from './roles.js';

export const updateAssumeRolePolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: UpdateAssumeRolePolicyRequest, context): Record<string, never> => {
      const document = input.PolicyDocument as string;
      const role = requireRole(iam, context.accountId, input.RoleName as string);
      checkTrustPolicy(document, context.region);
      iam.setAssumeRolePolicy(context.accountId, role.roleName, document);
      return {};
    },
);
