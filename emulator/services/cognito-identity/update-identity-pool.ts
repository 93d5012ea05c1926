import type { IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import type { Operation } from '../service-definition.js';
import { cognitoErrors } from './errors.js';
import { describePool, findOwnedPool, poolSettings } from './pools.js';
import { checkTagCount } from './tags.js';

/**
 * Replaces the pool's settings: what is not given takes its default, except the developer provider, which once set
 * stays (leaving it out keeps it, as hashicorp/terraform-provider-aws#49985 measured) and cannot change.
 */
export const updateIdentityPool: Operation<IdentityPool, IdentityPool> = (input, context) => {
  const { cognito } = context.runtime;
  const pool = findOwnedPool(context, input.IdentityPoolId as string);
  const settings = poolSettings(input);
  if (pool.developerProviderName !== undefined) {
    if (settings.developerProviderName === undefined) settings.developerProviderName = pool.developerProviderName;
    else if (settings.developerProviderName !== pool.developerProviderName) throw cognitoErrors.developerProviderImmutable();
  }
  if (input.IdentityPoolTags !== undefined) checkTagCount(input.IdentityPoolTags);
  context.runtime.db.transaction(() => {
    cognito.pools.update(pool.poolId, settings);
    if (input.IdentityPoolTags !== undefined) cognito.pools.setTags(pool.poolId, input.IdentityPoolTags);
  });
  return describePool(cognito.pools.find(pool.poolId) as IdentityPoolRecord);
};
