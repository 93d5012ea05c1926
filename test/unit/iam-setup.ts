import { Database } from '../../emulator/store/database.js';
import { IamStore } from '../../emulator/store/iam-store.js';
import { createPolicy } from '../../emulator/services/iam/create-policy.js';
import { createRole } from '../../emulator/services/iam/create-role.js';
import { callContext } from '../support/call-context.js';

export const accountId = '000000000000';
export const otherAccount = '111111111111';

export function document(statement: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

export const lambdaTrust = document({
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: 'sts:AssumeRole',
});

export const readLogs = document({ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' });

/**
 * A real IAM store on a fresh in-memory database (the AWS managed policies seeded), with helpers that make roles
 * and customer managed policies through the operations themselves.
 */
export function iamSetup() {
  const iam = new IamStore(Database.open());
  const create = createRole.build({ iam });
  const createManaged = createPolicy.build({ iam });
  return {
    iam,
    async role(roleName: string): Promise<string> {
      const created = await create({ RoleName: roleName, AssumeRolePolicyDocument: lambdaTrust }, callContext());
      return created.Role?.Arn as string;
    },
    async policy(policyName: string, policyDocument = readLogs): Promise<string> {
      const created = await createManaged({ PolicyName: policyName, PolicyDocument: policyDocument }, callContext());
      return created.Policy?.Arn as string;
    },
  };
}
