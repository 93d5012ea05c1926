import type { IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import { defineOperation } from '../service-definition.js';
import { cognitoErrors } from './errors.js';
import { describePool, ownedPool, poolSettings } from './pools.js';
import { checkTagCount } from './tags.js';

/**
 * Replaces the pool's settings: what is not given takes its default, except the developer provider, which once set
 * stays (leaving it out keeps it, as hashicorp/terraform-provider-aws#49985 measured) and cannot change.
 */
export const updateIdentityPool = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: IdentityPool, context): IdentityPool => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      const settings = poolSettings(input);
      if (pool.developerProviderName !== undefined) {
        if (settings.developerProviderName === undefined) {
          settings.developerProviderName = pool.developerProviderName;
        } else if (settings.developerProviderName !== pool.developerProviderName) {
          throw cognitoErrors.developerProviderImmutable();
        }
      }
      if (input.IdentityPoolTags !== undefined) checkTagCount(input.IdentityPoolTags);
      cognito.pools.update(pool.poolId, settings, input.IdentityPoolTags);
      return describePool(cognito.pools.find(pool.poolId) as IdentityPoolRecord);
    },
);
