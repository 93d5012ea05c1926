import { PutIntegrationCommand, UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Endpoint } from '../../emulator/endpoint.js';
import { AwsError } from '../../emulator/errors.js';
import { executeApiEndpoint } from '../../emulator/services/apigateway/execute-api/execute-api-endpoint.js';
import { executeApiHost, type Credentials, type RawRequest } from '../support/execute-api.js';
import { rootCredentials, useEmulator } from '../support/emulator.js';
import {
  asCredentials,
  createTestRole,
  issueTestCredentials,
  putTestRolePolicy,
  type TestRole,
} from '../support/iam-roles.js';
import { ApiBuilder } from './api-builder.js';
import { FakeLambda, incomingRequest } from './fake-lambda.js';

const account = '000000000000';
const functionArn = `arn:aws:lambda:us-east-1:${account}:function:hello`;
const cognitoSource = {
  kind: 'cognito-identity' as const,
  identityPoolId: 'us-east-1:0d5c7b3e-1111-2222-3333-444455556666',
  identityId: 'us-east-1:9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff',
  authenticationType: 'authenticated' as const,
  amr: ['authenticated', 'login.myapp', 'login.myapp:us-east-1:0d5c7b3e-1111-2222-3333-444455556666:alice'],
};

/** The AWS_PROXY integration against a fake Lambda: the event sent, the answer mapped, every failure. */
describe('execute-api Lambda proxy integration', () => {
  const ctx = useEmulator();
  const lambda = new FakeLambda();
  let endpoint: Endpoint;
  let api: ApiBuilder;
  let host: string;
  let role: TestRole;
  let cognitoCredentials: Credentials;

  beforeAll(async () => {
    endpoint = executeApiEndpoint(ctx.emulator.runtime, { lambda: () => lambda });
    api = await ApiBuilder.create(ctx.clients.apiGateway, 'proxy');
    await api.lambda('GET', '/hello', 'AWS_IAM', functionArn);
    await api.lambda('ANY', '/files/{proxy+}', 'NONE', functionArn);
    await api.lambda('GET', '/staged', 'NONE', `arn:aws:lambda:us-east-1:${account}:function:\${stageVariables.fn}`);
    await api.deploy('dev', { fn: 'staged-fn' });
    host = executeApiHost(ctx.emulator, api.apiId);
    role = createTestRole(ctx.emulator.runtime, 'cognito-authenticated');
    putTestRolePolicy(ctx.emulator.runtime, role, 'invoke', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: `arn:aws:execute-api:us-east-1:${account}:${api.apiId}/*`,
        },
      ],
    });
    cognitoCredentials = asCredentials(issueTestCredentials(ctx.emulator.runtime, role, { source: cognitoSource }));
  });

  beforeEach(() => {
    lambda.permits = true;
    lambda.answer = () => FakeLambda.returning({ statusCode: 200, body: 'Hello user' });
  });

  const serve = (raw: Omit<RawRequest, 'host'>, credentials?: Credentials) =>
    endpoint.serve(incomingRequest(ctx.emulator, { ...raw, host }, credentials));

  it('sends the REST payload 1.0 event with the Cognito identity of the caller', async () => {
    const response = await serve(
      { path: '/dev/hello?name=me&name=you&x=1', headers: { 'User-Agent': 'idpool-test/1.0', 'X-Custom': 'a' } },
      cognitoCredentials,
    );
    expect(response.status).toBe(200);
    expect(Buffer.from(response.body).toString()).toBe('Hello user');
    const [call] = lambda.invocations.slice(-1);
    expect(call).toMatchObject({
      accountId: account,
      region: 'us-east-1',
      invocation: { functionName: functionArn, invocationType: 'RequestResponse' },
    });
    const event = lambda.lastEvent;
    expect(event).toMatchObject({
      resource: '/hello',
      path: '/hello',
      httpMethod: 'GET',
      queryStringParameters: { name: 'you', x: '1' },
      multiValueQueryStringParameters: { name: ['me', 'you'], x: ['1'] },
      pathParameters: null,
      stageVariables: { fn: 'staged-fn' },
      body: null,
      isBase64Encoded: false,
    });
    const headers = event.headers as Record<string, string>;
    expect(headers).toMatchObject({
      Host: host,
      'User-Agent': 'idpool-test/1.0',
      'X-Custom': 'a',
      'X-Forwarded-For': '127.0.0.1',
      'X-Forwarded-Proto': 'http',
    });
    expect(headers['X-Amz-Security-Token']).toBe(cognitoCredentials.sessionToken);
    expect(headers.Authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA/);
    expect((event.multiValueHeaders as Record<string, string[]>)['X-Custom']).toEqual(['a']);
    const requestContext = event.requestContext as Record<string, unknown>;
    expect(requestContext).toMatchObject({
      resourcePath: '/hello',
      httpMethod: 'GET',
      path: '/dev/hello',
      accountId: account,
      protocol: 'HTTP/1.1',
      stage: 'dev',
      domainPrefix: api.apiId,
      domainName: host,
      apiId: api.apiId,
    });
    expect(requestContext.requestTime).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(typeof requestContext.requestTimeEpoch).toBe('number');
    expect(requestContext.requestId).toBe(response.headers['x-amzn-RequestId']);
    expect(requestContext.extendedRequestId).toBe(response.headers['x-amz-apigw-id']);
    expect(requestContext.identity).toEqual({
      cognitoIdentityPoolId: cognitoSource.identityPoolId,
      accountId: account,
      cognitoIdentityId: cognitoSource.identityId,
      caller: `${role.roleId}:CognitoIdentityCredentials`,
      sourceIp: '127.0.0.1',
      principalOrgId: null,
      accessKey: cognitoCredentials.accessKeyId,
      cognitoAuthenticationType: 'authenticated',
      cognitoAuthenticationProvider: 'login.myapp,login.myapp:us-east-1:0d5c7b3e-1111-2222-3333-444455556666:alice',
      userArn: `arn:aws:sts::${account}:assumed-role/cognito-authenticated/CognitoIdentityCredentials`,
      userAgent: 'idpool-test/1.0',
      user: `${role.roleId}:CognitoIdentityCredentials`,
    });
    expect(lambda.permissionChecks.at(-1)).toEqual({
      accountId: account,
      region: 'us-east-1',
      request: {
        functionName: functionArn,
        principal: 'apigateway.amazonaws.com',
        sourceArn: `arn:aws:execute-api:us-east-1:${account}:${api.apiId}/dev/GET/hello`,
        sourceAccount: account,
      },
    });
  });

  it('describes an unsigned caller with null identity fields, and the {proxy+} path parameter', async () => {
    await serve({
      path: '/dev/files/a/b%20c.txt',
      method: 'PUT',
      body: '{"x":1}',
      headers: { 'content-type': 'application/json' },
    });
    const event = lambda.lastEvent;
    expect(event).toMatchObject({
      resource: '/files/{proxy+}',
      path: '/files/a/b%20c.txt',
      httpMethod: 'PUT',
      pathParameters: { proxy: 'a/b%20c.txt' },
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      body: '{"x":1}',
      isBase64Encoded: false,
    });
    const identity = (event.requestContext as { identity: Record<string, unknown> }).identity;
    expect(identity).toMatchObject({
      cognitoIdentityPoolId: null,
      accountId: null,
      caller: null,
      accessKey: null,
      userArn: null,
      user: null,
      sourceIp: '127.0.0.1',
    });
    expect(lambda.permissionChecks.at(-1)?.request.sourceArn).toBe(
      `arn:aws:execute-api:us-east-1:${account}:${api.apiId}/dev/PUT/files/{proxy+}`,
    );
  });

  it('names the account root as the caller of a root-signed call', async () => {
    await serve({ path: '/dev/hello' }, rootCredentials);
    const identity = (lambda.lastEvent.requestContext as { identity: Record<string, unknown> }).identity;
    expect(identity).toMatchObject({
      accountId: account,
      caller: account,
      user: account,
      userArn: `arn:aws:iam::${account}:root`,
      accessKey: 'test',
    });
  });

  it('sends binary media types base64-encoded', async () => {
    await ctx.clients.apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: api.apiId,
        patchOperations: [{ op: 'add', path: '/binaryMediaTypes/image~1png' }],
      }),
    );
    await api.deploy('dev', { fn: 'staged-fn' });
    await serve({
      path: '/dev/files/pic.png',
      method: 'POST',
      body: 'PNG\u0001',
      headers: { 'content-type': 'image/png' },
    });
    expect(lambda.lastEvent).toMatchObject({
      body: Buffer.from('PNG\u0001').toString('base64'),
      isBase64Encoded: true,
    });
  });

  it('maps the proxy response: status, headers, multi-value headers, base64 body', async () => {
    lambda.answer = () =>
      FakeLambda.returning({
        statusCode: 201,
        headers: { 'Content-Type': 'text/plain', 'X-Single': 'one', 'X-Both': 'single' },
        multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'], 'X-Both': ['multi'] },
        body: Buffer.from('binary\u0000data').toString('base64'),
        isBase64Encoded: true,
      });
    const response = await serve({ path: '/dev/hello', headers: { Accept: 'image/png' } }, cognitoCredentials);
    expect(response.status).toBe(201);
    expect(response.headers).toMatchObject({ 'Content-Type': 'text/plain', 'X-Single': 'one' });
    expect(response.headers['X-Both']).toBeUndefined();
    expect(response.repeatedHeaders).toEqual({ 'Set-Cookie': ['a=1', 'b=2'], 'X-Both': ['multi', 'single'] });
    expect(Buffer.from(response.body).toString()).toBe('binary\u0000data');
    const asText = await serve({ path: '/dev/hello', headers: { Accept: 'application/json' } }, cognitoCredentials);
    expect(asText.body).toBe(Buffer.from('binary\u0000data').toString('base64'));
    expect(response.omitEmulatorCors).toBe(true);
    lambda.answer = () => FakeLambda.returning({ statusCode: 204 });
    const empty = await serve({ path: '/dev/hello' }, cognitoCredentials);
    expect(empty.status).toBe(204);
    expect(empty.body).toBe('');
    expect(empty.headers['Content-Type']).toBe('application/json');
  });

  it('substitutes stage variables in the function ARN', async () => {
    await serve({ path: '/dev/staged' });
    expect(lambda.invocations.at(-1)?.invocation.functionName).toBe(
      `arn:aws:lambda:us-east-1:${account}:function:staged-fn`,
    );
  });

  const expectInternalError = (
    response: { status: number; headers: Record<string, string>; body: string | Uint8Array },
    status: number,
  ) => {
    expect(response.status).toBe(status);
    expect(response.headers['x-amzn-ErrorType']).toBe('InternalServerErrorException');
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-amzn-RequestId']).toBeDefined();
    expect(response.body).toBe('{"message": "Internal server error"}');
  };

  it('answers 502 when the function throws', async () => {
    lambda.answer = () => ({
      statusCode: 200,
      payload: Buffer.from('{"errorType":"Error","errorMessage":"boom"}'),
      functionError: 'Unhandled',
      executedVersion: '$LATEST',
    });
    expectInternalError(await serve({ path: '/dev/hello' }, cognitoCredentials), 502);
  });

  it('answers 502 for a malformed proxy response', async () => {
    const malformed = [
      { statusCode: 200, body: { not: 'a string' } },
      { statusCode: 200, wrongValue: 'value' },
      [1, 2],
      'just text',
      { statusCode: 'ok' },
      { statusCode: 200, headers: { a: { b: 1 } } },
    ];
    for (const payload of malformed) {
      lambda.answer = () => FakeLambda.returning(payload);
      expectInternalError(await serve({ path: '/dev/hello' }, cognitoCredentials), 502);
    }
    lambda.answer = () => ({ statusCode: 200, payload: Buffer.from('not json'), executedVersion: '$LATEST' });
    expectInternalError(await serve({ path: '/dev/hello' }, cognitoCredentials), 502);
  });

  it('answers 500 without calling the function when API Gateway may not invoke it', async () => {
    lambda.permits = false;
    const before = lambda.invocations.length;
    expectInternalError(await serve({ path: '/dev/hello' }, cognitoCredentials), 500);
    expect(lambda.invocations.length).toBe(before);
  });

  it('answers 500 when Lambda refuses the call (no such function)', async () => {
    lambda.answer = () => {
      throw new AwsError('ResourceNotFoundException', `Function not found: ${functionArn}`, 404);
    };
    expectInternalError(await serve({ path: '/dev/hello' }, cognitoCredentials), 500);
  });

  it('answers 500 when no Lambda service is attached', async () => {
    const detached = executeApiEndpoint(ctx.emulator.runtime, { lambda: () => undefined });
    expectInternalError(await detached.serve(incomingRequest(ctx.emulator, { host, path: '/dev/files/x' })), 500);
  });

  it('answers 504 past the integration timeout', async () => {
    const timed = await ApiBuilder.create(ctx.clients.apiGateway, 'slow');
    const resourceId = await timed.lambda('GET', '/slow', 'NONE', functionArn);
    await ctx.clients.apiGateway.send(
      new PutIntegrationCommand({
        restApiId: timed.apiId,
        resourceId,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
        timeoutInMillis: 50,
      }),
    );
    await timed.deploy('dev');
    lambda.answer = () =>
      new Promise((resolve) => setTimeout(() => resolve(FakeLambda.returning({ statusCode: 200 })), 300));
    const response = await endpoint.serve(
      incomingRequest(ctx.emulator, { host: executeApiHost(ctx.emulator, timed.apiId), path: '/dev/slow' }),
    );
    expect(response.status).toBe(504);
    expect(response.body).toBe('{"message": "Endpoint request timed out"}');
  });

  it('leaves no integration timer behind once the function has answered', async () => {
    // Each call's 29-second timer used to outlive its answer: tens of thousands of them under load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const response = await serve({ method: 'GET', path: '/dev/files/a' });
      expect(response.status).toBe(200);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('invokes with the integration role instead of the function policy when credentials are set', async () => {
    const trusting = createTestRole(
      ctx.emulator.runtime,
      'apigateway-invoker',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    );
    putTestRolePolicy(ctx.emulator.runtime, trusting, 'invoke', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: functionArn }],
    });
    const untrusting = createTestRole(ctx.emulator.runtime, 'not-for-apigateway');
    const withRole = await ApiBuilder.create(ctx.clients.apiGateway, 'with-role');
    const trustedId = await withRole.resource('/trusted');
    const untrustedId = await withRole.resource('/untrusted');
    for (const [resourceId, roleArn] of [
      [trustedId, trusting.arn],
      [untrustedId, untrusting.arn],
    ]) {
      const target = { restApiId: withRole.apiId, resourceId, httpMethod: 'GET' };
      await withRole.lambda('GET', resourceId === trustedId ? '/trusted' : '/untrusted', 'NONE', functionArn);
      await ctx.clients.apiGateway.send(
        new PutIntegrationCommand({
          ...target,
          type: 'AWS_PROXY',
          integrationHttpMethod: 'POST',
          uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
          credentials: roleArn,
        }),
      );
    }
    await withRole.deploy('dev');
    lambda.permits = false;
    const roleHost = executeApiHost(ctx.emulator, withRole.apiId);
    expect((await endpoint.serve(incomingRequest(ctx.emulator, { host: roleHost, path: '/dev/trusted' }))).status).toBe(
      200,
    );
    expectInternalError(
      await endpoint.serve(incomingRequest(ctx.emulator, { host: roleHost, path: '/dev/untrusted' })),
      500,
    );
  });
});
