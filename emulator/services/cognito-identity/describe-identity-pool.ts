import type { DescribeIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { describePool, findOwnedPool } from './pools.js';

export const describeIdentityPool: Operation<DescribeIdentityPoolInput, IdentityPool> = (input, context) =>
  describePool(findOwnedPool(context, input.IdentityPoolId as string));
