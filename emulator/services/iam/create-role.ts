import type { CreateRoleRequest, CreateRoleResponse } from '@aws-sdk/client-iam';
import { awsIdentifier } from '../../auth/session-credentials.js';
import { UnsupportedFeatureException } from '../../errors.js';
import type { RoleRecord } from '../../store/iam-store.js';
import type { Operation } from '../service-definition.js';
import { EntityAlreadyExistsException, LimitExceededException } from './errors.js';
import { checkTrustPolicy } from './policy-documents.js';
import { defaultMaxSessionDuration, maxRolesPerAccount, roleArn, roleView } from './roles.js';
import { checkNoDuplicateTagKeys, toTags } from './tags.js';

/** Role names are unique in the account whatever their case; the role keeps the case it was created with. */
export const createRole: Operation<CreateRoleRequest, CreateRoleResponse> = (input, context) => {
  if (input.PermissionsBoundary !== undefined) {
    throw new UnsupportedFeatureException(
      'permissions boundaries (CreateRole PermissionsBoundary): idpool does not apply them when it evaluates policies, so the role would be allowed more than on AWS.',
    );
  }
  const roleName = input.RoleName as string;
  const document = input.AssumeRolePolicyDocument as string;
  checkTrustPolicy(document, context.region);
  const tags = toTags(input.Tags);
  checkNoDuplicateTagKeys(tags, 'role');

  const { iam } = context.runtime;
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
  return iam.db.transaction(() => {
    if (iam.findRole(context.accountId, roleName)) throw new EntityAlreadyExistsException(`Role with name ${roleName} already exists.`);
    if (iam.countRoles(context.accountId) >= maxRolesPerAccount) throw LimitExceededException.quota('RolesPerAccount', maxRolesPerAccount);
    iam.insertRole(role);
    return { Role: roleView(role, 'create') };
  });
};
