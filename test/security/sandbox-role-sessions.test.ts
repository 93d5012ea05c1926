import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiBuilder } from '../apigateway/api-builder.js';
import {
  cognitoTrustPolicy,
  createDeveloperPool,
  developerToken,
  invokePolicy,
} from '../cognito-identity/flow-support.js';
import { awsError, clientsFor, useEmulator } from '../support/emulator.js';
import { executeApiHost, sendRaw, signRequest, type Credentials } from '../support/execute-api.js';

// Issue 8: after a role was deleted and another created under its name with `*`, an old session's refused call
// started answering 200. A session belongs to the role's unique id (AROA…), which the new role does not have.
describe('a session belongs to its role by unique id', () => {
  const ctx = useEmulator();
  let host: string;
  let apiId: string;

  beforeAll(async () => {
    const api = await ApiBuilder.create(ctx.clients.apiGateway, 'sessions');
    await api.mock('GET', '/hello', 'AWS_IAM');
    await api.mock('GET', '/private', 'AWS_IAM');
    await api.deploy('dev');
    apiId = api.apiId;
    host = executeApiHost(ctx.emulator, apiId);
  });

  const call = (path: string, who: Credentials) => sendRaw(ctx.emulator, signRequest({ host, path }, who));

  async function sessionOf(poolId: string, userId: string): Promise<Credentials> {
    const { identityId, token } = await developerToken(ctx.clients, poolId, userId);
    const answer = await ctx.clients.cognito.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: { 'cognito-identity.amazonaws.com': token },
      }),
    );
    const issued = answer.Credentials!;
    return { accessKeyId: issued.AccessKeyId!, secretAccessKey: issued.SecretKey!, sessionToken: issued.SessionToken! };
  }

  it('refuses a deleted role’s session, and a new role of the same name grants it nothing', async () => {
    const pool = await createDeveloperPool(ctx.clients);
    const roleName = pool.authenticatedRoleArn.split('/').pop() as string;
    await ctx.clients.iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'invoke',
        PolicyDocument: invokePolicy(`arn:aws:execute-api:*:*:${apiId}/dev/GET/hello`),
      }),
    );
    const old = await sessionOf(pool.poolId, 'alice');
    const oldRoleId = (await ctx.clients.iam.send(new GetRoleCommand({ RoleName: roleName }))).Role?.RoleId;
    expect((await call('/dev/hello', old)).status).toBe(200);
    expect((await call('/dev/private', old)).status).toBe(403);
    expect((await clientsFor(ctx.emulator, old).sts.send(new GetCallerIdentityCommand({}))).UserId).toBe(
      `${oldRoleId}:CognitoIdentityCredentials`,
    );

    await ctx.clients.iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: 'invoke' }));
    await ctx.clients.iam.send(new DeleteRoleCommand({ RoleName: roleName }));
    const expectRefused = async () => {
      for (const path of ['/dev/hello', '/dev/private']) {
        const refused = await call(path, old);
        expect([refused.status, refused.headers['x-amzn-errortype'], refused.body]).toEqual([
          403,
          'UnrecognizedClientException',
          '{"message":"The security token included in the request is invalid."}',
        ]);
      }
      const sts = await awsError(clientsFor(ctx.emulator, old).sts.send(new GetCallerIdentityCommand({})));
      expect([sts.name, sts.message, sts.$metadata.httpStatusCode]).toEqual([
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
        403,
      ]);
    };
    await expectRefused();

    const recreated = await ctx.clients.iam.send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: cognitoTrustPolicy(pool.poolId) }),
    );
    expect(recreated.Role?.RoleId).not.toBe(oldRoleId);
    await ctx.clients.iam.send(
      new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'everything', PolicyDocument: invokePolicy('*') }),
    );
    await expectRefused();

    const fresh = await sessionOf(pool.poolId, 'alice');
    expect((await call('/dev/private', fresh)).status).toBe(200);
  });
});
