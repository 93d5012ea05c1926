import { UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeApiHost, sendRaw, signRequest, type Credentials, type RawRequest } from '../support/execute-api.js';
import { rootCredentials, useEmulator } from '../support/emulator.js';
import {
  asCredentials,
  attachTestManagedPolicy,
  createTestRole,
  issueTestCredentials,
  putTestRolePolicy,
  type TestRole,
} from '../support/iam-roles.js';
import { ApiBuilder } from './api-builder.js';

const account = '000000000000';

function allow(...resources: string[]) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resources }] };
}

describe('execute-api with AWS_IAM authorization: every refusal as API Gateway answers it', () => {
  const ctx = useEmulator();
  let api: ApiBuilder;
  let host: string;
  let arnOf: (method: string, path: string) => string;
  const roles: Record<string, TestRole> = {};
  const credentials: Record<string, Credentials> = {};

  beforeAll(async () => {
    api = await ApiBuilder.create(ctx.clients.apiGateway, 'iam');
    await api.mock('GET', '/hello', 'AWS_IAM');
    await api.mock('POST', '/hello', 'AWS_IAM');
    await api.mock('GET', '/other', 'AWS_IAM');
    await api.mock('GET', '/items/{id}', 'AWS_IAM');
    await api.deploy('dev');
    host = executeApiHost(ctx.emulator, api.apiId);
    arnOf = (method, path) => `arn:aws:execute-api:us-east-1:${account}:${api.apiId}/dev/${method}/${path}`;
    const runtime = ctx.emulator.runtime;
    for (const name of ['invoker', 'nothing', 'otherOnly', 'denier', 'wide']) {
      roles[name] = createTestRole(runtime, name);
      credentials[name] = asCredentials(issueTestCredentials(runtime, roles[name] as TestRole));
    }
    putTestRolePolicy(
      runtime,
      roles.invoker as TestRole,
      'invoke',
      allow(arnOf('GET', 'hello'), arnOf('GET', 'items/*')),
    );
    putTestRolePolicy(
      runtime,
      roles.otherOnly as TestRole,
      'invoke',
      allow(arnOf('GET', 'other'), arnOf('POST', 'hello')),
    );
    attachTestManagedPolicy(runtime, roles.denier as TestRole, 'InvokeEverything', allow('*'));
    putTestRolePolicy(runtime, roles.denier as TestRole, 'but-not-hello', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'execute-api:*', Resource: arnOf('GET', 'hello') }],
    });
    putTestRolePolicy(runtime, roles.wide as TestRole, 'invoke', allow(`arn:aws:execute-api:*:${account}:*`));
  });

  afterEach(async () => {
    await fetch(`${ctx.emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"offsetSeconds": 0}',
    });
  });

  const signed = (request: Omit<RawRequest, 'host'>, who: Credentials, region?: string) =>
    sendRaw(ctx.emulator, signRequest({ ...request, host }, who, region));

  function expectRefusal(
    response: { status: number; headers: Record<string, unknown>; body: string },
    errorType: string,
  ): void {
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe(errorType);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-amzn-requestid']).toBeDefined();
    expect(response.headers['x-amz-apigw-id']).toBeDefined();
  }

  function denialOf(role: string, method: string, path: string, explicit = false): string {
    const resource = `arn:aws:execute-api:us-east-1:********0000:${api.apiId}/dev/${method}/${path}`;
    return JSON.stringify({
      Message:
        `User: arn:aws:sts::${account}:assumed-role/${role}/CognitoIdentityCredentials ` +
        `is not authorized to perform: execute-api:Invoke on resource: ${resource}` +
        `${explicit ? ' with an explicit deny' : ''}`,
    });
  }

  it('lets a role allowed execute-api:Invoke through, on both URL forms', async () => {
    const response = await signed({ path: '/dev/hello' }, credentials.invoker as Credentials);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ route: 'GET /hello' });
    expect((await signed({ path: '/dev/items/7' }, credentials.invoker as Credentials)).status).toBe(200);
    const url = new URL(ctx.emulator.url);
    const pathForm = signRequest(
      { host: url.host, path: `/restapis/${api.apiId}/dev/_user_request_/hello` },
      credentials.invoker as Credentials,
    );
    const response2 = await sendRaw(ctx.emulator, pathForm);
    expect(response2.status).toBe(200);
  });

  it('refuses an unsigned call: MissingAuthenticationTokenException', async () => {
    const response = await sendRaw(ctx.emulator, { host, path: '/dev/hello' });
    expectRefusal(response, 'MissingAuthenticationTokenException');
    expect(response.body).toBe('{"message":"Missing Authentication Token"}');
  });

  it(
    'refuses an Authorization header that is not SigV4: ' + 'IncompleteSignatureException listing what is missing',
    async () => {
      const response = await sendRaw(ctx.emulator, {
        host,
        path: '/dev/hello',
        headers: { authorization: 'Bearer abc' },
      });
      expectRefusal(response, 'IncompleteSignatureException');
      expect(response.body).toBe(
        JSON.stringify({
          message:
            "Authorization header requires 'Credential' parameter. " +
            "Authorization header requires 'Signature' parameter. " +
            "Authorization header requires 'SignedHeaders' parameter. " +
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
            'Authorization=Bearer abc',
        }),
      );
    },
  );

  it(
    'refuses a key the emulator never issued, even though the emulator is not in strict mode: ' +
      'UnrecognizedClientException',
    async () => {
      const response = await signed(
        { path: '/dev/hello' },
        { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      );
      expectRefusal(response, 'UnrecognizedClientException');
      expect(response.body).toBe('{"message":"The security token included in the request is invalid."}');
      const issued = credentials.invoker as Credentials;
      const foreignToken = await signed(
        { path: '/dev/hello' },
        { ...issued, sessionToken: 'IQoJb3JpZ2luX2VjEnot-the-token' },
      );
      expectRefusal(foreignToken, 'UnrecognizedClientException');
      const noToken = await signed(
        { path: '/dev/hello' },
        { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey },
      );
      expectRefusal(noToken, 'UnrecognizedClientException');
    },
  );

  it('verifies the root keys too, and lets the account root invoke', async () => {
    expect((await signed({ path: '/dev/hello' }, rootCredentials)).status).toBe(200);
    const wrong = await signed({ path: '/dev/hello' }, { ...rootCredentials, secretAccessKey: 'not-test' });
    expectRefusal(wrong, 'InvalidSignatureException');
  });

  it('refuses a wrong secret: InvalidSignatureException with the canonical request', async () => {
    const response = await signed(
      { path: '/dev/hello?b=2&a=1' },
      { ...(credentials.invoker as Credentials), secretAccessKey: 'wrong' },
    );
    expectRefusal(response, 'InvalidSignatureException');
    const message = (JSON.parse(response.body) as { message: string }).message;
    expect(message).toMatch(
      new RegExp(
        /^The request signature we calculated does not match the signature you provided\. /.source +
          /Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\./
            .source +
          /\n\nThe Canonical String for this request should have been\n'GET\n\/dev\/hello\na=1&b=2\nhost:/.source,
      ),
    );
    expect(message).toMatch(
      new RegExp(
        /\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n/.source +
          /\d{8}\/us-east-1\/execute-api\/aws4_request\n[0-9a-f]{64}'\n$/.source,
      ),
    );
  });

  it('refuses a request changed after signing: path, query, body or a signed header', async () => {
    const who = credentials.otherOnly as Credentials;
    const original = signRequest({ host, path: '/dev/other?a=1', method: 'GET', headers: { 'x-custom': 'one' } }, who);
    expect((await sendRaw(ctx.emulator, original)).status).toBe(200);
    expectRefusal(await sendRaw(ctx.emulator, { ...original, path: '/dev/hello?a=1' }), 'InvalidSignatureException');
    expectRefusal(await sendRaw(ctx.emulator, { ...original, path: '/dev/other?a=2' }), 'InvalidSignatureException');
    expectRefusal(
      await sendRaw(ctx.emulator, { ...original, headers: { ...original.headers, 'x-custom': 'two' } }),
      'InvalidSignatureException',
    );
    const post = signRequest(
      { host, path: '/dev/hello', method: 'POST', body: '{"n":1}', headers: { 'content-type': 'application/json' } },
      who,
    );
    expect((await sendRaw(ctx.emulator, post)).status).toBe(200);
    expectRefusal(await sendRaw(ctx.emulator, { ...post, body: '{"n":2}' }), 'InvalidSignatureException');
  });

  it('refuses a request dated more than 5 minutes before or after the emulator clock', async () => {
    const amzDate = (offsetMs: number) =>
      new Date(Date.now() + offsetMs)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
    const old = await signed(
      { path: '/dev/hello', headers: { 'X-Amz-Date': amzDate(-10 * 60_000) } },
      credentials.invoker as Credentials,
    );
    expectRefusal(old, 'InvalidSignatureException');
    expect((JSON.parse(old.body) as { message: string }).message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    );
    const future = await signed(
      { path: '/dev/hello', headers: { 'X-Amz-Date': amzDate(10 * 60_000) } },
      credentials.invoker as Credentials,
    );
    expectRefusal(future, 'InvalidSignatureException');
    expect((JSON.parse(future.body) as { message: string }).message).toMatch(
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/,
    );
  });

  it('refuses credentials past their expiration: ExpiredTokenException', async () => {
    const shortLived = asCredentials(
      issueTestCredentials(ctx.emulator.runtime, roles.invoker as TestRole, { durationSeconds: 3600 }),
    );
    expect((await signed({ path: '/dev/hello' }, shortLived)).status).toBe(200);
    const advanced = await fetch(`${ctx.emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 3700 }),
    });
    expect(advanced.status).toBe(200);
    const response = await signed({ path: '/dev/hello' }, shortLived);
    expectRefusal(response, 'ExpiredTokenException');
    expect(response.body).toBe('{"message":"The security token included in the request is expired"}');
  });

  it('refuses credentials scoped to another region', async () => {
    const response = await signed({ path: '/dev/hello' }, credentials.invoker as Credentials, 'eu-west-1');
    expectRefusal(response, 'InvalidSignatureException');
  });

  it(
    'refuses a role without execute-api:Invoke: ' + 'AccessDeniedException with {"Message"} and the masked ARN',
    async () => {
      const response = await signed({ path: '/dev/hello' }, credentials.nothing as Credentials);
      expectRefusal(response, 'AccessDeniedException');
      expect(response.body).toBe(denialOf('nothing', 'GET', 'hello'));
    },
  );

  it('refuses a role whose policy allows another method or resource only', async () => {
    const who = credentials.otherOnly as Credentials;
    const response = await signed({ path: '/dev/hello' }, who);
    expectRefusal(response, 'AccessDeniedException');
    expect(response.body).toBe(denialOf('otherOnly', 'GET', 'hello'));
    expect((await signed({ path: '/dev/other' }, who)).status).toBe(200);
    expect((await signed({ path: '/dev/hello', method: 'POST' }, who)).status).toBe(200);
    const items = await signed({ path: '/dev/items/9' }, who);
    expect(items.body).toBe(denialOf('otherOnly', 'GET', 'items/9'));
  });

  it('refuses with an explicit deny when a Deny statement matches', async () => {
    const who = credentials.denier as Credentials;
    const response = await signed({ path: '/dev/hello' }, who);
    expectRefusal(response, 'AccessDeniedException');
    expect(response.body).toBe(denialOf('denier', 'GET', 'hello', true));
    expect((await signed({ path: '/dev/other' }, who)).status).toBe(200);
  });

  it('evaluates conditions and policy variables on the request and the Cognito identity', async () => {
    const runtime = ctx.emulator.runtime;
    const perIdentity = createTestRole(runtime, 'perIdentity');
    putTestRolePolicy(runtime, perIdentity, 'own-items', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource:
            `arn:aws:execute-api:us-east-1:${account}:${api.apiId}/dev/GET/items/` +
            `\${cognito-identity.amazonaws.com:sub}`,
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' },
            IpAddress: { 'aws:SourceIp': '127.0.0.0/8' },
            Bool: { 'aws:SecureTransport': 'false' },
            StringLike: { 'aws:UserAgent': 'idpool-test*', 'aws:PrincipalArn': perIdentity.arn },
          },
        },
      ],
    });
    const source = {
      kind: 'cognito-identity' as const,
      identityPoolId: 'us-east-1:pool',
      identityId: 'us-east-1:alice',
      authenticationType: 'authenticated' as const,
      amr: ['authenticated'],
    };
    const who = asCredentials(issueTestCredentials(runtime, perIdentity, { source }));
    const headers = { 'User-Agent': 'idpool-test/1.0' };
    expect((await signed({ path: '/dev/items/us-east-1:alice', headers }, who)).status).toBe(200);
    expectRefusal(await signed({ path: '/dev/items/us-east-1:bob', headers }, who), 'AccessDeniedException');
    expectRefusal(
      await signed({ path: '/dev/items/us-east-1:alice', headers: { 'User-Agent': 'curl/8' } }, who),
      'AccessDeniedException',
    );
  });

  it('applies a resource policy Deny once the API is redeployed', async () => {
    const restricted = await ApiBuilder.create(ctx.clients.apiGateway, 'restricted');
    await restricted.mock('GET', '/hello', 'AWS_IAM');
    await restricted.deploy('dev');
    const restrictedHost = executeApiHost(ctx.emulator, restricted.apiId);
    const call = (who: Credentials) =>
      sendRaw(ctx.emulator, signRequest({ host: restrictedHost, path: '/dev/hello' }, who));
    expect((await call(credentials.wide as Credentials)).status).toBe(200);
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: { AWS: (roles.wide as TestRole).arn },
          Action: 'execute-api:Invoke',
          Resource: 'execute-api:/*',
        },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'execute-api:Invoke',
          Resource: 'execute-api:/*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
      ],
    };
    await ctx.clients.apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: restricted.apiId,
        patchOperations: [{ op: 'replace', path: '/policy', value: JSON.stringify(policy) }],
      }),
    );
    expect((await call(credentials.wide as Credentials)).status).toBe(200);
    await restricted.deploy('dev');
    const denied = await call(credentials.wide as Credentials);
    expectRefusal(denied, 'AccessDeniedException');
    expect(JSON.parse(denied.body)).toEqual({
      Message:
        `User: arn:aws:sts::${account}:assumed-role/wide/CognitoIdentityCredentials ` +
        'is not authorized to perform: execute-api:Invoke on resource: ' +
        `arn:aws:execute-api:us-east-1:********0000:${restricted.apiId}/dev/GET/hello with an explicit deny`,
    });
    expect((await call(rootCredentials)).status).toBe(200);
  });

  it('lets a resource policy alone grant a role of the same account', async () => {
    const granting = await ApiBuilder.create(ctx.clients.apiGateway, 'granting', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: (roles.nothing as TestRole).arn },
          Action: 'execute-api:Invoke',
          Resource: 'execute-api:/*',
        },
      ],
    });
    await granting.mock('GET', '/hello', 'AWS_IAM');
    await granting.deploy('dev');
    const response = await sendRaw(
      ctx.emulator,
      signRequest(
        { host: executeApiHost(ctx.emulator, granting.apiId), path: '/dev/hello' },
        credentials.nothing as Credentials,
      ),
    );
    expect(response.status).toBe(200);
  });

  it('checks an unsigned call against the resource policy, naming the caller anonymous', async () => {
    const open = await ApiBuilder.create(ctx.clients.apiGateway, 'open', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*/GET/public' },
      ],
    });
    await open.mock('GET', '/public', 'NONE');
    await open.mock('GET', '/private', 'NONE');
    await open.deploy('dev');
    const openHost = executeApiHost(ctx.emulator, open.apiId);
    expect((await sendRaw(ctx.emulator, { host: openHost, path: '/dev/public' })).status).toBe(200);
    const refused = await sendRaw(ctx.emulator, { host: openHost, path: '/dev/private' });
    expectRefusal(refused, 'AccessDeniedException');
    expect(JSON.parse(refused.body)).toEqual({
      Message:
        'User: anonymous is not authorized to perform: execute-api:Invoke on resource: ' +
        `arn:aws:execute-api:us-east-1:********0000:${open.apiId}/dev/GET/private`,
    });
  });
});
