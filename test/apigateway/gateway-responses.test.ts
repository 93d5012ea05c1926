import {
  DeleteGatewayResponseCommand,
  GetGatewayResponseCommand,
  GetGatewayResponsesCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateGatewayResponseCommand,
  type GatewayResponse,
  type GatewayResponseType,
  type PatchOperation,
} from '@aws-sdk/client-api-gateway';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeApiHost, sendRaw, signRequest, type Credentials } from '../support/execute-api.js';
import { awsError, useEmulator } from '../support/emulator.js';
import { asCredentials, createTestRole, issueTestCredentials, putTestRolePolicy } from '../support/iam-roles.js';
import { ApiBuilder } from './api-builder.js';

const account = '000000000000';
const invocationUri = (functionArn: string) =>
  `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`;

function recording(name: string): Record<string, Record<string, unknown>> {
  const url = new URL(`../fixtures/aws-recorded/apigateway/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { 'recorded-content': Record<string, Record<string, unknown>> })[
    'recorded-content'
  ];
}

/** A template that is JSON text is shown parsed, as LocalStack's snapshots show it. */
function asRecorded(response: GatewayResponse): Record<string, unknown> {
  const templates = Object.fromEntries(
    Object.entries(response.responseTemplates ?? {}).map(([type, template]) => {
      try {
        const parsed = JSON.parse(template) as unknown;
        return [type, typeof parsed === 'object' && parsed !== null ? parsed : template];
      } catch {
        return [type, template];
      }
    }),
  );
  const view: Record<string, unknown> = {
    defaultResponse: response.defaultResponse,
    responseParameters: response.responseParameters,
    responseTemplates: templates,
    responseType: response.responseType,
  };
  if (response.statusCode !== undefined) view.statusCode = response.statusCode;
  return view;
}

function withoutMetadata(recorded: Record<string, unknown>): Record<string, unknown> {
  const { ResponseMetadata: _metadata, ...rest } = recorded;
  return rest;
}

const statusOf = (recorded: Record<string, unknown>) =>
  (recorded.ResponseMetadata as { HTTPStatusCode: number }).HTTPStatusCode;

const allValues = {
  statusCode: '404',
  responseParameters: {
    'gatewayresponse.header.x-request-path': 'method.request.path.petId',
    'gatewayresponse.header.Access-Control-Allow-Origin': "'a.b.c'",
    'gatewayresponse.header.x-request-query': 'method.request.querystring.q',
    'gatewayresponse.header.x-request-header': 'method.request.header.Accept',
  },
  responseTemplates: {
    'application/json':
      '{\n     "message": $context.error.messageString,\n     "type":  "$context.error.responseType",\n' +
      '     "stage":  "$context.stage",\n     "resourcePath":  "$context.resourcePath",\n' +
      '     "stageVariables.a":  "$stageVariables.a",\n     "statusCode": "\'404\'"\n}',
  },
};

/** PutGatewayResponse and friends, call for call as LocalStack's parity tests made them on AWS. */
describe('gateway responses: the control plane as recorded on AWS', () => {
  const ctx = useEmulator();
  const gateway = () => ctx.clients.apiGateway;
  const newApi = async (name: string) => (await ApiBuilder.create(gateway(), name)).apiId;
  const byType = (items: GatewayResponse[] | undefined) =>
    [...(items ?? [])].sort((a, b) => String(a.responseType).localeCompare(String(b.responseType))).map(asRecorded);
  const recordedItems = (recorded: Record<string, unknown>) =>
    (recorded.items as Record<string, unknown>[]).map((item) => item);

  it('gets the default, puts, lists, deletes (test_gateway_response_crud)', async () => {
    const recorded = recording('gateway-response-crud.json');
    const restApiId = await newApi('crud');
    const type = 'MISSING_AUTHENTICATION_TOKEN';
    expect(asRecorded(await gateway().send(new GetGatewayResponseCommand({ restApiId, responseType: type })))).toEqual(
      withoutMetadata(recorded['get-gateway-response-default'] as Record<string, unknown>),
    );
    const put = await gateway().send(new PutGatewayResponseCommand({ restApiId, responseType: type, ...allValues }));
    expect(put.$metadata.httpStatusCode).toBe(statusOf(recorded['put-gateway-response'] as Record<string, unknown>));
    expect(asRecorded(put)).toEqual(withoutMetadata(recorded['put-gateway-response'] as Record<string, unknown>));
    const all = await gateway().send(new GetGatewayResponsesCommand({ restApiId }));
    expect(byType(all.items)).toEqual(recordedItems(recorded['get-gateway-responses'] as Record<string, unknown>));
    expect(asRecorded(await gateway().send(new GetGatewayResponseCommand({ restApiId, responseType: type })))).toEqual(
      withoutMetadata(recorded['get-gateway-response'] as Record<string, unknown>),
    );
    const deleted = await gateway().send(new DeleteGatewayResponseCommand({ restApiId, responseType: type }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(asRecorded(await gateway().send(new GetGatewayResponseCommand({ restApiId, responseType: type })))).toEqual(
      withoutMetadata(recorded['get-deleted-gw-response'] as Record<string, unknown>),
    );
  });

  it('replaces all on each put; DEFAULT_5XX shows on unset 5XX (test_gateway_response_put)', async () => {
    const recorded = recording('gateway-response-put.json');
    const restApiId = await newApi('put');
    const type = 'MISSING_AUTHENTICATION_TOKEN';
    const put = async (key: string, input: Partial<GatewayResponse> & { responseType: GatewayResponseType }) => {
      const answer = await gateway().send(new PutGatewayResponseCommand({ restApiId, ...input }));
      expect(answer.$metadata.httpStatusCode, key).toBe(201);
      expect(asRecorded(answer), key).toEqual(withoutMetadata(recorded[key] as Record<string, unknown>));
    };
    await put('put-gateway-response-all-value', { responseType: type, ...allValues });
    await put('put-gateway-response-status-only', { responseType: type, statusCode: '404' });
    await put('put-gateway-response-response-parameters-only', {
      responseType: type,
      responseParameters: { 'gatewayresponse.header.x-request-header': 'method.request.header.Accept' },
    });
    await put('put-gateway-response-response-templates-only', {
      responseType: type,
      responseTemplates: allValues.responseTemplates,
    });
    await put('put-gateway-response-default-5xx', {
      responseType: 'DEFAULT_5XX',
      statusCode: '599',
      responseParameters: { 'gatewayresponse.header.x-request-header': 'method.request.header.Accept' },
      responseTemplates: allValues.responseTemplates,
    });
    await put('put-gateway-response-default-ignored', {
      responseType: 'AUTHORIZER_FAILURE',
      responseParameters: { 'gatewayresponse.header.foo': "'bar'" },
    });
    const all = await gateway().send(new GetGatewayResponsesCommand({ restApiId }));
    expect(byType(all.items)).toEqual(recordedItems(recorded['get-gateway-responses'] as Record<string, unknown>));
  });

  it('refuses an unknown API and an unset response as AWS does (test_gateway_response_validation)', async () => {
    const recorded = recording('gateway-response-validation.json');
    const restApiId = await newApi('validation');
    const fake = 'apiid123fake';
    const expectError = async (promise: Promise<unknown>, key: string) => {
      const error = await awsError(promise);
      const expected = recorded[key] as { Error: { Code: string; Message: string } } & Record<string, unknown>;
      expect(error.name, key).toBe(expected.Error.Code);
      expect(error.$metadata.httpStatusCode, key).toBe(statusOf(expected));
      // Accepted difference: for the enum, AWS names `responseType` and lists the values in its own order.
      if (expected.Error.Code !== 'ValidationException')
        expect(error.message.replace(fake, 'fake-api-id'), key).toBe(
          expected.Error.Message.replace('111111111111', account),
        );
    };
    await expectError(
      gateway().send(new GetGatewayResponsesCommand({ restApiId: fake })),
      'get-gateway-responses-no-api',
    );
    await expectError(
      gateway().send(new GetGatewayResponseCommand({ restApiId: fake, responseType: 'DEFAULT_4XX' })),
      'get-gateway-response-no-api',
    );
    await expectError(
      gateway().send(new DeleteGatewayResponseCommand({ restApiId: fake, responseType: 'DEFAULT_4XX' })),
      'delete-gateway-response-no-api',
    );
    await expectError(
      gateway().send(
        new UpdateGatewayResponseCommand({ restApiId: fake, responseType: 'DEFAULT_4XX', patchOperations: [] }),
      ),
      'update-gateway-response-no-api',
    );
    await expectError(
      gateway().send(new DeleteGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX' })),
      'delete-gateway-response-not-set',
    );
    const fakeType = 'FAKE_RESPONSE_TYPE' as GatewayResponseType;
    await expectError(
      gateway().send(new GetGatewayResponseCommand({ restApiId, responseType: fakeType })),
      'get-gateway-response-wrong-response-type',
    );
    await expectError(
      gateway().send(new DeleteGatewayResponseCommand({ restApiId, responseType: fakeType })),
      'delete-gateway-response-wrong-response-type',
    );
    await expectError(
      gateway().send(new UpdateGatewayResponseCommand({ restApiId, responseType: fakeType, patchOperations: [] })),
      'update-gateway-response-wrong-response-type',
    );
    await expectError(
      gateway().send(
        new PutGatewayResponseCommand({
          restApiId,
          responseType: fakeType,
          statusCode: '404',
          responseParameters: {},
          responseTemplates: {},
        }),
      ),
      'put-gateway-response-wrong-response-type',
    );
  });

  it('patches status, parameters, templates; refuses as AWS does (test_update_gateway_response)', async () => {
    const recorded = recording('gateway-response-update.json');
    const restApiId = await newApi('update');
    const update = (responseType: GatewayResponseType, patchOperations: PatchOperation[]) =>
      gateway().send(new UpdateGatewayResponseCommand({ restApiId, responseType, patchOperations }));
    const same = (answer: GatewayResponse, key: string) =>
      expect(asRecorded(answer), key).toEqual(withoutMetadata(recorded[key] as Record<string, unknown>));
    same(
      await update('DEFAULT_4XX', [{ op: 'replace', path: '/statusCode', value: '444' }]),
      'update-gateway-response-not-set',
    );
    same(
      await gateway().send(new GetGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX' })),
      'default-get-gateway-response',
    );
    same(
      await gateway().send(
        new PutGatewayResponseCommand({
          restApiId,
          responseType: 'DEFAULT_4XX',
          statusCode: '404',
          responseParameters: allValues.responseParameters,
          responseTemplates: {
            'application/json': JSON.stringify({ 'application/json': '{"message":$context.error.messageString}' }),
          },
        }),
      ),
      'put-gateway-response',
    );
    same(
      await update('DEFAULT_4XX', [
        { op: 'replace', path: '/statusCode', value: '444' },
        {
          op: 'replace',
          path: '/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin',
          value: "'example.com'",
        },
        {
          op: 'add',
          path: '/responseTemplates/application~1xml',
          value:
            '<gatewayResponse><message>$context.error.messageString</message>' +
            '<type>$context.error.responseType</type></gatewayResponse>',
        },
      ]),
      'update-gateway-response',
    );
    same(
      await gateway().send(new GetGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX' })),
      'get-gateway-response',
    );
    // Accepted difference: an enum's values are listed in the model's order, AWS lists them in its own.
    const enumSorted = (message: string) =>
      message.replace(/\[([^\]]*)\]$/, (_all, values: string) => `[${values.split(', ').sort().join(', ')}]`);
    const refused = async (promise: Promise<unknown>, key: string) => {
      const error = await awsError(promise);
      const expected = recorded[key] as { Error: { Code: string; Message: string } } & Record<string, unknown>;
      expect(
        { code: error.name, message: enumSorted(error.message), status: error.$metadata.httpStatusCode },
        key,
      ).toEqual({
        code: expected.Error.Code,
        message: enumSorted(expected.Error.Message),
        status: statusOf(expected),
      });
    };
    await refused(
      update('DEFAULT_4XX', [{ op: 'add', path: '/statusCode', value: '444' }]),
      'update-gateway-add-status-code',
    );
    await refused(update('DEFAULT_4XX', [{ op: 'remove', path: '/statusCode' }]), 'update-gateway-remove-status-code');
    await refused(
      update('DEFAULT_5XX', [
        {
          op: 'replace',
          path: '/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin',
          value: "'example.com'",
        },
      ]),
      'update-gateway-replace-invalid-parameter',
    );
    await refused(update('DEFAULT_4XX', [{ op: 'add', value: "'example.com'" }]), 'update-gateway-no-path');
    await refused(
      update('DEFAULT_4XX', [{ op: 'wrong-op' as PatchOperation['op'], path: '/statusCode', value: "'example.com'" }]),
      'update-gateway-wrong-op',
    );
    await refused(
      update('DEFAULT_4XX', [{ op: 'add', path: '/wrongPath', value: "'example.com'" }]),
      'update-gateway-wrong-path',
    );
    await refused(
      update('DEFAULT_4XX', [{ op: 'replace', path: '/responseTemplates/application~1xml' }]),
      'update-gateway-replace-invalid-parameter-0-none',
    );
    await refused(
      update('DEFAULT_4XX', [
        { op: 'replace', path: '/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin' },
      ]),
      'update-gateway-replace-invalid-parameter-1-none',
    );
  });

  it('refuses, naming it, a template or a mapping idpool would not render as API Gateway does', async () => {
    const restApiId = await newApi('unsupported');
    for (const [input, named] of [
      [{ responseTemplates: { 'application/json': '#set($x = 1){"message":$context.error.messageString}' } }, '#s'],
      [
        { responseTemplates: { 'application/json': '{"who":"$context.authorizer.principalId"}' } },
        '$context.authorizer.principalId',
      ],
      [
        { responseTemplates: { 'application/json': '{"n":$context.error.message.length()}' } },
        '$context.error.message.length(',
      ],
      [
        { responseParameters: { 'gatewayresponse.header.X': 'method.request.multivalueheader.x' } },
        'method.request.multivalueheader.x',
      ],
      [{ responseParameters: { 'gatewayresponse.querystring.x': "'a'" } }, 'gatewayresponse.querystring.x'],
    ] as const) {
      const error = await awsError(
        gateway().send(new PutGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX', ...input })),
      );
      expect(error.name).toBe('UnsupportedFeature');
      expect(error.message).toContain(named);
    }
  });
});

/** API Gateway's own answers at execute-api, shaped by the deployed gateway responses. */
describe('gateway responses: applied to API Gateway own answers at execute-api', () => {
  const ctx = useEmulator();
  let api: ApiBuilder;
  let host: string;
  let invoker: Credentials;
  let nobody: Credentials;

  beforeAll(async () => {
    api = await ApiBuilder.create(ctx.clients.apiGateway, 'applied');
    await api.mock('GET', '/hello', 'AWS_IAM');
    await api.mock('GET', '/open', 'NONE');
    // A MOCK whose integration response answers 201 only: a request template naming 200 matches none.
    await api.mock('GET', '/mismatch', 'NONE', 201);
    const resourceId = await api.resource('/mismatch');
    await ctx.clients.apiGateway.send(
      new PutIntegrationCommand({
        restApiId: api.apiId,
        resourceId,
        httpMethod: 'GET',
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    const proxyId = await api.resource('/wrong-method');
    await ctx.clients.apiGateway.send(
      new PutMethodCommand({ restApiId: api.apiId, resourceId: proxyId, httpMethod: 'GET', authorizationType: 'NONE' }),
    );
    await ctx.clients.apiGateway.send(
      new PutIntegrationCommand({
        restApiId: api.apiId,
        resourceId: proxyId,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'GET',
        uri: invocationUri(`arn:aws:lambda:us-east-1:${account}:function:none`),
      }),
    );
    await api.deploy('dev', { team: 'blue' });
    host = executeApiHost(ctx.emulator, api.apiId);
    const runtime = ctx.emulator.runtime;
    const role = createTestRole(runtime, 'invoker');
    putTestRolePolicy(runtime, role, 'invoke', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: `arn:aws:execute-api:us-east-1:${account}:${api.apiId}/*`,
        },
      ],
    });
    invoker = asCredentials(issueTestCredentials(runtime, role));
    nobody = asCredentials(issueTestCredentials(runtime, createTestRole(runtime, 'nobody')));
  });

  afterEach(async () => {
    const { items } = await ctx.clients.apiGateway.send(new GetGatewayResponsesCommand({ restApiId: api.apiId }));
    for (const item of items ?? []) {
      if (!item.defaultResponse)
        await ctx.clients.apiGateway.send(
          new DeleteGatewayResponseCommand({ restApiId: api.apiId, responseType: item.responseType }),
        );
    }
    await api.deploy('dev', { team: 'blue' });
    ctx.emulator.runtime.clock.setOffset(0);
  });

  const put = (responseType: GatewayResponseType, input: Partial<GatewayResponse>) =>
    ctx.clients.apiGateway.send(new PutGatewayResponseCommand({ restApiId: api.apiId, responseType, ...input }));
  const get = (path: string, headers: Record<string, string> = {}) => sendRaw(ctx.emulator, { host, path, headers });
  const signed = (path: string, who: Credentials) => sendRaw(ctx.emulator, signRequest({ host, path }, who));

  it("lets a page read API Gateway's 403 once a deployed DEFAULT_4XX has Access-Control-Allow-Origin", async () => {
    await put('DEFAULT_4XX', { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" } });
    const before = await get('/dev/nowhere', { Origin: 'http://localhost:3000' });
    expect(before.status).toBe(403);
    expect(before.headers['access-control-allow-origin']).toBeUndefined();
    await api.deploy('dev', { team: 'blue' });
    for (const response of [await get('/dev/nowhere', { Origin: 'http://localhost:3000' }), await get('/dev/hello')]) {
      expect(response.status).toBe(403);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect(response.body).toBe('{"message":"Missing Authentication Token"}');
    }
    const denied = await signed('/dev/hello', nobody);
    expect(denied.status).toBe(403);
    expect(denied.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(denied.body)).toHaveProperty('Message');
    expect((await signed('/dev/hello', invoker)).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('overrides the status code and renders the template of MISSING_AUTHENTICATION_TOKEN', async () => {
    await put('MISSING_AUTHENTICATION_TOKEN', {
      statusCode: '404',
      responseParameters: {
        'gatewayresponse.header.X-Seen-Accept': 'method.request.header.Accept',
        'gatewayresponse.header.X-Team': 'stageVariables.team',
      },
      responseTemplates: {
        'application/json':
          '{"error": $context.error.messageString, "raw": "$context.error.message", ' +
          '"type": "$context.error.responseType", "stage": "$context.stage"}',
      },
    });
    await api.deploy('dev', { team: 'blue' });
    const response = await get('/dev/nowhere', { Accept: 'application/json' });
    expect(response.status).toBe(404);
    expect(response.headers['x-seen-accept']).toBe('application/json');
    expect(response.headers['x-team']).toBe('blue');
    expect(JSON.parse(response.body)).toEqual({
      error: 'Missing Authentication Token',
      raw: 'Missing Authentication Token',
      type: 'MISSING_AUTHENTICATION_TOKEN',
      stage: 'dev',
    });
  });

  it('shapes ACCESS_DENIED, INVALID_SIGNATURE and EXPIRED_TOKEN refusals of AWS_IAM methods', async () => {
    await put('ACCESS_DENIED', {
      responseParameters: { 'gatewayresponse.header.X-Why': "'denied'" },
      responseTemplates: { 'application/json': '{"denied": "$context.error.message"}' },
    });
    await put('INVALID_SIGNATURE', {
      statusCode: '401',
      responseParameters: { 'gatewayresponse.header.X-Why': "'signature'" },
    });
    await put('EXPIRED_TOKEN', {
      statusCode: '401',
      responseParameters: { 'gatewayresponse.header.X-Why': "'expired'" },
    });
    await api.deploy('dev', { team: 'blue' });
    const denied = await signed('/dev/hello', nobody);
    expect(denied.status).toBe(403);
    expect(denied.headers['x-why']).toBe('denied');
    expect((JSON.parse(denied.body) as { denied: string }).denied).toMatch(
      /^User: arn:aws:sts::000000000000:assumed-role\/nobody\/.* is not authorized to perform: execute-api:Invoke/,
    );
    const badSignature = await signed('/dev/hello', { ...invoker, secretAccessKey: 'wrong' });
    expect(badSignature.status).toBe(401);
    expect(badSignature.headers['x-why']).toBe('signature');
    expect(badSignature.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    expect(JSON.parse(badSignature.body).message).toMatch(/^The request signature we calculated does not match/);
    const shortLived = asCredentials(
      issueTestCredentials(ctx.emulator.runtime, createTestRole(ctx.emulator.runtime, 'short'), {
        durationSeconds: 900,
      }),
    );
    ctx.emulator.runtime.clock.advance(1000);
    const request = signRequest({ host, path: '/dev/hello' }, shortLived);
    const expired = await sendRaw(ctx.emulator, request);
    expect(expired.status).toBe(401);
    expect(expired.headers['x-why']).toBe('expired');
    expect(expired.headers['x-amzn-errortype']).toBe('ExpiredTokenException');
  });

  it('answers INTEGRATION_FAILURE 500 unless a status is set, and DEFAULT_5XX shapes the unset 5XX types', async () => {
    const wrongMethod = await get('/dev/wrong-method');
    expect(wrongMethod.status).toBe(500);
    expect(wrongMethod.body).toBe('{"message": "Internal server error"}');
    await put('INTEGRATION_FAILURE', { responseParameters: {} });
    await api.deploy('dev', { team: 'blue' });
    expect((await get('/dev/wrong-method')).status).toBe(500);
    await put('DEFAULT_5XX', {
      statusCode: '503',
      responseParameters: { 'gatewayresponse.header.Retry-After': "'5'" },
    });
    await ctx.clients.apiGateway.send(
      new DeleteGatewayResponseCommand({ restApiId: api.apiId, responseType: 'INTEGRATION_FAILURE' }),
    );
    await api.deploy('dev', { team: 'blue' });
    for (const path of ['/dev/wrong-method', '/dev/mismatch']) {
      const response = await get(path);
      expect(response.status, path).toBe(503);
      expect(response.headers['retry-after'], path).toBe('5');
    }
    expect((await get('/dev/open')).status).toBe(200);
  });

  it('keeps serving the deployed gateway responses after a change until the next deployment', async () => {
    await put('MISSING_AUTHENTICATION_TOKEN', { statusCode: '404' });
    await api.deploy('dev', { team: 'blue' });
    await ctx.clients.apiGateway.send(
      new DeleteGatewayResponseCommand({ restApiId: api.apiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }),
    );
    expect((await get('/dev/nowhere')).status).toBe(404);
    await api.deploy('dev', { team: 'blue' });
    expect((await get('/dev/nowhere')).status).toBe(403);
  });
});
