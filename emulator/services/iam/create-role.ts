import type { CreateRoleRequest, CreateRoleResponse } from '@aws-sdk/client-iam';
import { awsIdentifier } from '../../auth/session-credentials.js';
import type { RoleRecord } from '../../store/iam-store.js';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { checkTrustPolicy } from './policy-documents.js';
import { defaultMaxSessionDuration, maxRolesPerAccount, roleArn, roleView } from './roles.js';
import { checkNoDuplicateTagKeys, toTags } from './tags.js';

/** Role names are unique in the account whatever their case; the role keeps the case it was created with. */
export const createRole = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: CreateRoleRequest, context): CreateRoleResponse => {
      if (input.PermissionsBoundary !== undefined) throw iamErrors.permissionsBoundaryUnsupported();
      const roleName = input.RoleName as string;
      const document = input.AssumeRolePolicyDocument as string;
      checkTrustPolicy(document, context.region);
      const tags = toTags(input.Tags);
      checkNoDuplicateTagKeys(tags, 'role');

      const path = input.Path ?? '/';
      const role: RoleRecord = {
        accountId: context.accountId,
        roleName,
        roleId: awsIdentifier('AROA', 21),
        arn: roleArn(context.accountId, path, roleName, context.region),
        path,
        assumeRolePolicy: document,
        description: input.Description,
        maxSessionDuration: input.MaxSessionDuration ?? defaultMaxSessionDuration,
        tags,
        createdAt: context.now.getTime(),
      };
      const result = iam.createRole(role, maxRolesPerAccount);
      if (result === 'name-taken') throw iamErrors.roleExists(roleName);
      if (result === 'quota-exceeded') throw iamErrors.quotaExceeded('RolesPerAccount', maxRolesPerAccount);
      return { Role: roleView(role, 'create') };
    },
);
