import { GetOpenIdTokenForDeveloperIdentityCommand, ListIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { DeleteFunctionCommand, GetFunctionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, zipFunction } from '../support/lambda-functions.js';
import {
  allow,
  cognitoSession,
  developerProvider,
  expectRefusal,
  notAllowed,
  policy,
  uniqueName,
  type Session,
} from './sessions.js';

const account = '000000000000';

/**
 * The attacks of issue 10, tried with the Cognito credentials of a role allowed only `execute-api:Invoke` on
 * `GET /hello` (the seed's authenticated role) and of an unauthenticated identity: every one is refused.
 */
describe('the credentials of a role allowed only execute-api:Invoke on GET /hello', () => {
  const ctx = useEmulator();
  let client: Session;
  let guest: Session;
  const functionName = uniqueName('hello');

  beforeAll(async () => {
    const invokeHello = policy(allow('execute-api:Invoke', `arn:aws:execute-api:us-east-1:${account}:*/*/GET/hello`));
    client = await cognitoSession(ctx.emulator, ctx.clients, { inline: { invoke: invokeHello } });
    guest = await cognitoSession(ctx.emulator, ctx.clients, { inline: { invoke: invokeHello }, unauthenticated: true });
    await deployFunction(ctx.clients, await createLambdaRole(ctx.clients, uniqueName('exec')), functionName, {
      'index.mjs': 'export const handler = async () => "Hello user";',
    });
  });

  const refused = (session: () => Session, action: string, resource: string) => ({
    name: action.startsWith('iam:') ? 'AccessDenied' : 'AccessDeniedException',
    status: action.startsWith('cognito-identity:') ? 400 : 403,
    message: notAllowed(session().arn, action, resource),
  });

  it('cannot get a developer token for another user (impersonation)', async () => {
    const call = new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: client.poolId,
      Logins: { [developerProvider]: 'admin' },
    });
    const poolArn = `arn:aws:cognito-identity:us-east-1:${account}:identitypool/${client.poolId}`;
    await expectRefusal(
      client.clients.cognito.send(call),
      refused(() => client, 'cognito-identity:GetOpenIdTokenForDeveloperIdentity', poolArn),
    );
  });

  it('cannot list the identities of its pool', async () => {
    const poolArn = `arn:aws:cognito-identity:us-east-1:${account}:identitypool/${client.poolId}`;
    const call = new ListIdentitiesCommand({ IdentityPoolId: client.poolId, MaxResults: 60 });
    await expectRefusal(
      client.clients.cognito.send(call),
      refused(() => client, 'cognito-identity:ListIdentities', poolArn),
    );
  });

  it('cannot widen its own role with PutRolePolicy', async () => {
    const call = new PutRolePolicyCommand({
      RoleName: client.roleName,
      PolicyName: 'all',
      PolicyDocument: policy(allow('*')),
    });
    await expectRefusal(
      client.clients.iam.send(call),
      refused(() => client, 'iam:PutRolePolicy', `role ${client.roleName}`),
    );
  });

  it('cannot create a role trusting everyone, nor assume one', async () => {
    const name = uniqueName('backdoor');
    const trust = policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' });
    const call = new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust });
    await expectRefusal(
      client.clients.iam.send(call),
      refused(() => client, 'iam:CreateRole', `arn:aws:iam::${account}:role/${name}`),
    );
    const existing = await ctx.clients.iam.send(
      new CreateRoleCommand({ RoleName: uniqueName('open'), AssumeRolePolicyDocument: trust }),
    );
    // A trust policy naming everyone lets anyone in: AWS allows this AssumeRole too, the role's owner opened it.
    const assumed = await client.clients.sts.send(
      new AssumeRoleCommand({ RoleArn: existing.Role?.Arn, RoleSessionName: 'attacker' }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toContain('/attacker');
  });

  it("cannot replace the API's function code", async () => {
    const call = new UpdateFunctionCodeCommand({
      FunctionName: functionName,
      ZipFile: zipFunction({ 'index.mjs': 'export const handler = async () => "pwned";' }),
    });
    const arn = `arn:aws:lambda:us-east-1:${account}:function:${functionName}`;
    await expectRefusal(
      client.clients.lambda.send(call),
      refused(() => client, 'lambda:UpdateFunctionCode', arn),
    );
  });

  it('as an unauthenticated identity, cannot list roles nor delete the function', async () => {
    await expectRefusal(
      guest.clients.iam.send(new ListRolesCommand({})),
      refused(() => guest, 'iam:ListRoles', `arn:aws:iam::${account}:role/`),
    );
    const arn = `arn:aws:lambda:us-east-1:${account}:function:${functionName}`;
    await expectRefusal(
      guest.clients.lambda.send(new DeleteFunctionCommand({ FunctionName: functionName })),
      refused(() => guest, 'lambda:DeleteFunction', arn),
    );
    expect(
      (await ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: functionName }))).Configuration
        ?.FunctionName,
    ).toBe(functionName);
    const error = await awsError(guest.clients.lambda.send(new GetFunctionCommand({ FunctionName: functionName })));
    expect(error.name).toBe('AccessDeniedException');
  });
});
