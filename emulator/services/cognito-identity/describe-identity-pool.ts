import type { DescribeIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { describePool, ownedPool } from './pools.js';

export const describeIdentityPool = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: DescribeIdentityPoolInput, context): IdentityPool =>
      describePool(ownedPool(cognito, context, input.IdentityPoolId as string)),
);
