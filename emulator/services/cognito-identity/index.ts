import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';
import { createIdentityPool } from './create-identity-pool.js';
import { deleteIdentities } from './delete-identities.js';
import { deleteIdentityPool } from './delete-identity-pool.js';
import { describeIdentity } from './describe-identity.js';
import { describeIdentityPool } from './describe-identity-pool.js';
import { getCredentialsForIdentity } from './get-credentials-for-identity.js';
import { getId } from './get-id.js';
import { getIdentityPoolRoles } from './get-identity-pool-roles.js';
import { getOpenIdToken } from './get-open-id-token.js';
import { getOpenIdTokenForDeveloperIdentity } from './get-open-id-token-for-developer-identity.js';
import { getPrincipalTagAttributeMap } from './get-principal-tag-attribute-map.js';
import { listIdentities } from './list-identities.js';
import { listIdentityPools } from './list-identity-pools.js';
import { listTagsForResource } from './list-tags-for-resource.js';
import { lookupDeveloperIdentity } from './lookup-developer-identity.js';
import { mergeDeveloperIdentities } from './merge-developer-identities.js';
import { setIdentityPoolRoles } from './set-identity-pool-roles.js';
import { setPrincipalTagAttributeMap } from './set-principal-tag-attribute-map.js';
import { tagResource } from './tag-resource.js';
import { unlinkDeveloperIdentity } from './unlink-developer-identity.js';
import { unlinkIdentity } from './unlink-identity.js';
import { untagResource } from './untag-resource.js';
import { updateIdentityPool } from './update-identity-pool.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
const cognitoIdentityOperations: OperationTable = {
  CreateIdentityPool: createIdentityPool,
  DeleteIdentities: deleteIdentities,
  DeleteIdentityPool: deleteIdentityPool,
  DescribeIdentity: describeIdentity,
  DescribeIdentityPool: describeIdentityPool,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetId: getId,
  GetIdentityPoolRoles: getIdentityPoolRoles,
  GetOpenIdToken: getOpenIdToken,
  GetOpenIdTokenForDeveloperIdentity: getOpenIdTokenForDeveloperIdentity,
  GetPrincipalTagAttributeMap: getPrincipalTagAttributeMap,
  ListIdentities: listIdentities,
  ListIdentityPools: listIdentityPools,
  ListTagsForResource: listTagsForResource,
  LookupDeveloperIdentity: lookupDeveloperIdentity,
  MergeDeveloperIdentities: mergeDeveloperIdentities,
  SetIdentityPoolRoles: setIdentityPoolRoles,
  SetPrincipalTagAttributeMap: setPrincipalTagAttributeMap,
  TagResource: tagResource,
  UnlinkDeveloperIdentity: unlinkDeveloperIdentity,
  UnlinkIdentity: unlinkIdentity,
  UntagResource: untagResource,
  UpdateIdentityPool: updateIdentityPool,
};

export const cognitoIdentityService: ServiceDefinition = {
  name: 'cognito-identity',
  model: loadServiceModel('cognito-identity'),
  protocol: 'awsJson1_1',
  signingName: 'cognito-identity',
  operations: cognitoIdentityOperations,
  validationErrorCode: 'ValidationException',
};
