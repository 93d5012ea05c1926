import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeApiHost, sendRaw, signRequest, type Credentials } from '../support/execute-api.js';
import { useEmulator } from '../support/emulator.js';
import { asCredentials, issueTestCredentials } from '../support/iam-roles.js';
import { createLambdaRole, deployFunction } from '../support/lambda-functions.js';
import { createDeveloperPool, developerProvider, developerToken } from '../cognito-identity/flow-support.js';
import { ApiBuilder } from './api-builder.js';

const account = '000000000000';
const handler =
  `
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
  body: JSON.stringify({ message: 'Hello user', identity: event.requestContext.identity, ` +
  `path: event.path, query: event.queryStringParameters }),
});`;

/** The seed's flow from API Gateway on: an IAM-signed GET reaching a real Lambda function through AWS_PROXY. */
describe('execute-api to a real Lambda function', () => {
  const ctx = useEmulator();
  let host: string;
  let callerCredentials: Credentials;
  let apiId: string;

  beforeAll(async () => {
    const executionRole = await createLambdaRole(ctx.clients, 'hello-execution');
    const fn = await deployFunction(ctx.clients, executionRole, 'hello', { 'index.js': handler });
    const api = await ApiBuilder.create(ctx.clients.apiGateway, 'hello-api');
    apiId = api.apiId;
    await api.lambda('GET', '/hello', 'AWS_IAM', fn.FunctionArn as string);
    await api.lambda('GET', '/unpermitted', 'AWS_IAM', fn.FunctionArn as string);
    await api.deploy('dev');
    await ctx.clients.lambda.send(
      new AddPermissionCommand({
        FunctionName: 'hello',
        StatementId: 'apigateway-hello',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: `arn:aws:execute-api:us-east-1:${account}:${apiId}/*/GET/hello`,
      }),
    );
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:11111111-2222-3333-4444-555555555555' },
          },
        },
      ],
    };
    const role = await ctx.clients.iam.send(
      new CreateRoleCommand({ RoleName: 'authenticated', AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
    await ctx.clients.iam.send(
      new PutRolePolicyCommand({
        RoleName: 'authenticated',
        PolicyName: 'invoke',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'execute-api:Invoke',
              Resource: `arn:aws:execute-api:us-east-1:${account}:${apiId}/dev/GET/*`,
            },
          ],
        }),
      }),
    );
    const created = role.Role as { RoleName: string; RoleId: string; Arn: string };
    callerCredentials = asCredentials(
      issueTestCredentials(
        ctx.emulator.runtime,
        { accountId: account, roleName: created.RoleName, roleId: created.RoleId, arn: created.Arn },
        {
          source: {
            kind: 'cognito-identity',
            identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
            identityId: 'us-east-1:66666666-7777-8888-9999-000000000000',
            authenticationType: 'authenticated',
            amr: ['authenticated', 'login.myapp', 'login.myapp:us-east-1:11111111-2222-3333-4444-555555555555:alice'],
          },
        },
      ),
    );
    host = executeApiHost(ctx.emulator, apiId);
  });

  it('answers "Hello user" from the function, with the Cognito identity in the event', async () => {
    const response = await sendRaw(
      ctx.emulator,
      signRequest({ host, path: '/dev/hello?greeting=hi' }, callerCredentials),
    );
    expect(response.status).toBe(200);
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(response.headers['x-amzn-requestid']).toBeDefined();
    const body = JSON.parse(response.body) as {
      message: string;
      identity: Record<string, unknown>;
      path: string;
      query: unknown;
    };
    expect(body.message).toBe('Hello user');
    expect(body.path).toBe('/hello');
    expect(body.query).toEqual({ greeting: 'hi' });
    expect(body.identity).toMatchObject({
      cognitoIdentityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
      cognitoIdentityId: 'us-east-1:66666666-7777-8888-9999-000000000000',
      cognitoAuthenticationType: 'authenticated',
      userArn: `arn:aws:sts::${account}:assumed-role/authenticated/CognitoIdentityCredentials`,
      accessKey: callerCredentials.accessKeyId,
    });
  });

  it('runs the whole seed flow: developer token, Cognito credentials, signed GET, "Hello user"', async () => {
    const pool = await createDeveloperPool(ctx.clients);
    const { identityId, token } = await developerToken(ctx.clients, pool.poolId, 'alice');
    const issued = await ctx.clients.cognito.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: { 'cognito-identity.amazonaws.com': token },
      }),
    );
    const fromCognito = {
      accessKeyId: issued.Credentials?.AccessKeyId as string,
      secretAccessKey: issued.Credentials?.SecretKey as string,
      sessionToken: issued.Credentials?.SessionToken as string,
    };
    const response = await sendRaw(ctx.emulator, signRequest({ host, path: '/dev/hello' }, fromCognito));
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { message: string; identity: Record<string, unknown> };
    expect(body.message).toBe('Hello user');
    const roleName = pool.authenticatedRoleArn.split('/').pop() as string;
    expect(body.identity).toMatchObject({
      cognitoIdentityPoolId: pool.poolId,
      cognitoIdentityId: identityId,
      cognitoAuthenticationType: 'authenticated',
      cognitoAuthenticationProvider: `${developerProvider},${developerProvider}:${pool.poolId}:alice`,
      accountId: account,
      accessKey: fromCognito.accessKeyId,
      userArn: `arn:aws:sts::${account}:assumed-role/${roleName}/CognitoIdentityCredentials`,
    });
    expect(body.identity.caller).toMatch(/^AROA[A-Z2-7]+:CognitoIdentityCredentials$/);
    expect(body.identity.user).toBe(body.identity.caller);
  });

  it('answers 500 where the function policy does not let API Gateway invoke it for that route', async () => {
    const response = await sendRaw(ctx.emulator, signRequest({ host, path: '/dev/unpermitted' }, callerCredentials));
    expect(response.status).toBe(500);
    expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(response.body).toBe('{"message": "Internal server error"}');
  });
});
