import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { stackConventions } from '../../contracts/stack-conventions.js';
import type { Provisioner } from './provisioner.js';

function document(statement: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

/** The trust Cognito needs to assume the role for the pool's authenticated identities. */
export function cognitoTrustPolicy(poolId: string): string {
  return document({
    Effect: 'Allow',
    Principal: { Federated: 'cognito-identity.amazonaws.com' },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    },
  });
}

/** execute-api:Invoke on GET /hello of any API and stage of the account, nothing else (so /private is denied). */
function invokeHelloPolicy(region: string, accountId: string): string {
  return document({
    Effect: 'Allow',
    Action: 'execute-api:Invoke',
    Resource: `arn:aws:execute-api:${region}:${accountId}:*/*/GET${stackConventions.helloPath}`,
  });
}

async function createRole(
  provisioner: Provisioner,
  call: string,
  roleName: string,
  trustPolicy: string,
): Promise<{ arn: string; name: string } | undefined> {
  const { clients, options } = provisioner;
  const created = await provisioner.call(call, () =>
    clients.iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: trustPolicy,
        Tags: Object.entries(options.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    ),
  );
  const arn = created?.Role?.Arn;
  if (!arn) return undefined;
  provisioner.teardown.add(`role ${roleName}`, () => clients.iam.send(new DeleteRoleCommand({ RoleName: roleName })));
  return { arn, name: roleName };
}

/** Step 2: the role the pool's authenticated identities get, allowed to invoke GET /hello. */
export async function createAuthenticatedRole(provisioner: Provisioner, poolId: string): Promise<string | undefined> {
  const { clients, options, stack } = provisioner;
  const role = await createRole(
    provisioner,
    'createAuthenticatedRole',
    options.names.authenticatedRole,
    cognitoTrustPolicy(poolId),
  );
  if (!role) return undefined;
  Object.assign(stack, { authenticatedRoleArn: role.arn, authenticatedRoleName: role.name });
  const put = await provisioner.call('putInvokePolicy', () =>
    clients.iam.send(
      new PutRolePolicyCommand({
        RoleName: role.name,
        PolicyName: options.names.invokePolicy,
        PolicyDocument: invokeHelloPolicy(options.region, options.accountId),
      }),
    ),
  );
  if (put) {
    provisioner.teardown.add(`policy ${options.names.invokePolicy} of ${role.name}`, () =>
      clients.iam.send(new DeleteRolePolicyCommand({ RoleName: role.name, PolicyName: options.names.invokePolicy })),
    );
  }
  return role.arn;
}

/** Step 6 (start): the execution role Lambda assumes to run the function. */
export async function createLambdaRole(provisioner: Provisioner): Promise<string | undefined> {
  const trust = document({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });
  return (await createRole(provisioner, 'createLambdaRole', provisioner.options.names.lambdaRole, trust))?.arn;
}
