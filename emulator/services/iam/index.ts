import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';
import { attachRolePolicy } from './attach-role-policy.js';
import { createPolicyVersion } from './create-policy-version.js';
import { createPolicy } from './create-policy.js';
import { createRole } from './create-role.js';
import { deletePolicyVersion } from './delete-policy-version.js';
import { deletePolicy } from './delete-policy.js';
import { deleteRolePolicy } from './delete-role-policy.js';
import { deleteRole } from './delete-role.js';
import { detachRolePolicy } from './detach-role-policy.js';
import { getPolicyVersion } from './get-policy-version.js';
import { getPolicy } from './get-policy.js';
import { getRolePolicy } from './get-role-policy.js';
import { getRole } from './get-role.js';
import { listAttachedRolePolicies } from './list-attached-role-policies.js';
import { listEntitiesForPolicy } from './list-entities-for-policy.js';
import { listPolicies } from './list-policies.js';
import { listPolicyVersions } from './list-policy-versions.js';
import { listInstanceProfilesForRole } from './list-instance-profiles-for-role.js';
import { listRolePolicies } from './list-role-policies.js';
import { listRoleTags } from './list-role-tags.js';
import { listRoles } from './list-roles.js';
import { putRolePolicy } from './put-role-policy.js';
import { setDefaultPolicyVersion } from './set-default-policy-version.js';
import { tagRole } from './tag-role.js';
import { untagRole } from './untag-role.js';
import { updateAssumeRolePolicy } from './update-assume-role-policy.js';
import { updateRoleDescription } from './update-role-description.js';
import { updateRole } from './update-role.js';

/**
 * The operations idpool emulates; the model's others answer UnsupportedOperation. The protocol layer has checked
 * each input against the model before the call, so an operation takes its required members as present
 * (`input.RoleName as string`).
 */
const iamOperations: OperationTable = {
  CreateRole: createRole,
  GetRole: getRole,
  ListRoles: listRoles,
  DeleteRole: deleteRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
  TagRole: tagRole,
  UntagRole: untagRole,
  ListRoleTags: listRoleTags,
  PutRolePolicy: putRolePolicy,
  GetRolePolicy: getRolePolicy,
  ListRolePolicies: listRolePolicies,
  DeleteRolePolicy: deleteRolePolicy,
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  DeletePolicy: deletePolicy,
  ListPolicies: listPolicies,
  CreatePolicyVersion: createPolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  DeletePolicyVersion: deletePolicyVersion,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  AttachRolePolicy: attachRolePolicy,
  DetachRolePolicy: detachRolePolicy,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  ListEntitiesForPolicy: listEntitiesForPolicy,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
};

export const iamService: ServiceDefinition = {
  name: 'iam',
  model: loadServiceModel('iam'),
  protocol: 'awsQuery',
  signingName: 'iam',
  operations: iamOperations,
  validationErrorCode: 'ValidationError',
  // IAM's validation messages no longer quote the offending value (recorded from AWS, 2026):
  // "1 validation error detected: Value at 'versionId' failed to satisfy constraint: …".
  validationEchoesValues: false,
};
