import type { Role } from '@aws-sdk/client-iam';
import { partitionOf } from '../../partition.js';
import type { IamStore, RoleRecord } from '../../store/iam-store.js';
import { iamErrors } from './errors.js';
import { encodePolicyDocument } from './policy-documents.js';

/** IAM's default for a role's MaxSessionDuration, in seconds. */
export const defaultMaxSessionDuration = 3600;

/** Roles per account: the documented default quota [unverified: the message's quota name]. */
export const maxRolesPerAccount = 1000;

/** The ARN's partition is the one of the region the request was signed for (`aws-cn` for cn-north-1, …). */
export function roleArn(accountId: string, path: string, roleName: string, region: string): string {
  return `arn:${partitionOf(region)}:iam::${accountId}:role${path}${roleName}`;
}

/** The caller's role of that name (compared without case, as IAM does), or NoSuchEntity. */
export function requireRole(iam: Pick<IamStore, 'findRole'>, accountId: string, roleName: string): RoleRecord {
  const role = iam.findRole(accountId, roleName);
  if (!role) throw iamErrors.roleNotFound(roleName);
  return role;
}

/**
 * A role as each operation answers it, member for member as recorded from AWS: CreateRole leaves out
 * Description, MaxSessionDuration and RoleLastUsed; GetRole has them all (RoleLastUsed empty: idpool does not
 * track use); ListRoles has Description and MaxSessionDuration but neither tags nor RoleLastUsed.
 */
export function roleView(role: RoleRecord, view: 'create' | 'get' | 'list'): Role {
  const common: Role = {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicy),
  };
  if (view === 'list') return { ...common, Description: role.description, MaxSessionDuration: role.maxSessionDuration };
  const tags = role.tags.length > 0 ? { Tags: role.tags } : {};
  if (view === 'create') return { ...common, ...tags };
  return {
    ...common,
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    ...tags,
    RoleLastUsed: {},
  };
}
