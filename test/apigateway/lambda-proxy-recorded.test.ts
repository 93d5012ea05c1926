import { PutIntegrationCommand, PutMethodCommand, UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand } from '@aws-sdk/client-lambda';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/index.js';
import { executeApiHost } from '../support/execute-api.js';
import { useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction } from '../support/lambda-functions.js';
import { ApiBuilder } from './api-builder.js';

const account = '000000000000';
const echoArn = `arn:aws:lambda:us-east-1:${account}:function:echo-event`;

interface Recording {
  'recorded-content': Record<string, Record<string, unknown>>;
}

function recording(name: string): Recording['recorded-content'] {
  const url = new URL(`../fixtures/aws-recorded/apigateway/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as Recording)['recorded-content'];
}

interface WireAnswer {
  status: number;
  /** Names in the case they were sent. */
  headers: [string, string][];
  body: string;
}

/** Sends exactly these header lines, names in this case (python-requests' spelling of the recorded calls). */
function send(
  emulator: RunningEmulator,
  method: string,
  path: string,
  headers: [string, string][],
  body?: string,
): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const lines =
      body === undefined
        ? headers
        : [...headers, ['Content-Length', String(Buffer.byteLength(body))] as [string, string]];
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: emulator.port, method, path, headers: lines.flat() },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const pairs: [string, string][] = [];
          for (let index = 0; index < response.rawHeaders.length; index += 2)
            pairs.push([response.rawHeaders[index] as string, response.rawHeaders[index + 1] as string]);
          resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A header's values as a client joins repeated lines, by its exact name. */
function headerOf(response: WireAnswer, name: string): string {
  return response.headers
    .filter(([key]) => key === name)
    .map(([, value]) => value)
    .join(', ');
}

/** The headers CloudFront adds in front of an edge-optimized API; idpool serves like a regional endpoint. */
const cloudFront = /^(CloudFront-|Via$|X-Amz-Cf-Id$)/;
/** Values AWS makes up (or the recording replaced by placeholders): compared by presence. */
const generated = new Set(['Host', 'X-Amzn-Trace-Id', 'X-Forwarded-For', 'X-Forwarded-Port', 'X-Forwarded-Proto']);

function comparableHeaders(headers: Record<string, unknown> | null): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers ?? {})
      .filter(([name]) => !cloudFront.test(name))
      .map(([name, value]) => [name, generated.has(name) ? 'present' : value]),
  );
}

/** The event as the recording shows it, without ids, times and the client's address (placeholders there). */
function comparableEvent(event: Record<string, unknown>): Record<string, unknown> {
  const context = event.requestContext as Record<string, unknown>;
  let body = event.body;
  if (typeof body === 'string' && body.startsWith('{')) body = JSON.parse(body) as unknown;
  return {
    resource: event.resource,
    path: event.path,
    httpMethod: event.httpMethod,
    headers: comparableHeaders(event.headers as Record<string, unknown>),
    multiValueHeaders: comparableHeaders(event.multiValueHeaders as Record<string, unknown>),
    queryStringParameters: event.queryStringParameters,
    multiValueQueryStringParameters: event.multiValueQueryStringParameters,
    pathParameters: event.pathParameters,
    stageVariables: event.stageVariables,
    body,
    isBase64Encoded: event.isBase64Encoded,
    requestContext: {
      path: context.path,
      resourcePath: context.resourcePath,
      httpMethod: context.httpMethod,
      stage: context.stage,
      protocol: context.protocol,
    },
  };
}

// lambda_/functions/lambda_aws_proxy.py of the recordings, in Node.js: answers the event it got.
const echoEvent = `exports.handler = async (event) =>
  ({ statusCode: 200, body: JSON.stringify(event), isBase64Encoded: false });`;
// LAMBDA_RESPONSE_FROM_BODY of test_apigateway_lambda.py, in Node.js: answers the request's body as its proxy response.
const answerFromBody = `exports.handler = async (event) => {
  const body = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString() : event.body;
  return JSON.parse(body);
};`;

/**
 * The Lambda proxy integration against what AWS answered to the same calls (test/fixtures/aws-recorded/apigateway/,
 * recorded by LocalStack's parity tests from real AWS): the event a function receives for odd paths, queries and
 * header spellings, and how API Gateway reads the function's answer.
 */
describe('AWS_PROXY as recorded on AWS', () => {
  const ctx = useEmulator();
  let host: string;
  let apiId: string;
  let formatHost: string;

  beforeAll(async () => {
    const role = await createLambdaRole(ctx.clients, 'recorded-execution');
    const echo = await deployFunction(ctx.clients, role, 'echo-event', { 'index.js': echoEvent });
    const fromBody = await deployFunction(ctx.clients, role, 'response-from-body', { 'index.js': answerFromBody });
    for (const name of ['echo-event', 'response-from-body']) {
      await ctx.clients.lambda.send(
        new AddPermissionCommand({
          FunctionName: name,
          StatementId: 'apigateway',
          Action: 'lambda:InvokeFunction',
          Principal: 'apigateway.amazonaws.com',
        }),
      );
    }
    const api = await ApiBuilder.create(ctx.clients.apiGateway, 'recorded-proxy');
    apiId = api.apiId;
    await api.lambda('ANY', '/{proxy+}', 'NONE', echo.FunctionArn as string);
    await api.lambda('ANY', '/hardcoded', 'NONE', echo.FunctionArn as string);
    await api.deploy('stage');
    host = executeApiHost(ctx.emulator, apiId);
    const format = await ApiBuilder.create(ctx.clients.apiGateway, 'recorded-format');
    await format.lambda('ANY', '/{proxy+}', 'NONE', fromBody.FunctionArn as string);
    await format.deploy('test');
    formatHost = executeApiHost(ctx.emulator, format.apiId);
  });

  // What python-requests sends in test_lambda_aws_proxy_integration, in its spelling.
  const requestsHeaders = (): [string, string][] => [
    ['Host', host],
    ['User-Agent', 'python-requests/testing'],
    ['Accept-Encoding', 'gzip, deflate'],
    ['Accept', '*/*'],
    ['Connection', 'keep-alive'],
    ['tEsT-HEADeR', 'aValUE'],
    ['authorization', 'random-value'],
  ];

  async function eventFor(
    method: string,
    path: string,
    headers = requestsHeaders(),
    body?: string,
  ): Promise<Record<string, unknown>> {
    const response = await send(ctx.emulator, method, path, headers, body);
    expect(response.status, path).toBe(200);
    return JSON.parse(response.body) as Record<string, unknown>;
  }

  const recorded = recording('lambda-proxy-integration.json');
  const cases: [string, string][] = [
    ['invocation-payload-without-trailing-slash', '/stage/proxy-value'],
    ['invocation-payload-with-trailing-slash', '/stage/proxy-value/'],
    ['invocation-payload-with-prepended-slash-to-stage', '//stage/proxy-value'],
    ['invocation-payload-with-prepended-slash', '/stage//proxy-value'],
    ['invocation-payload-without-trailing-slash-and-query-params', '/stage/proxy-value?urlparam=test'],
    ['invocation-payload-with-trailing-slash-and-query-params', '/stage/proxy-value/?urlparam=test'],
    [
      'invocation-payload-with-path-encoded-email',
      '/stage/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com',
    ],
    [
      'invocation-payload-with-params-encoding',
      '/stage/proxy-value/api?dateTimeOffset=2023-06-12T18:05:10.123456+00:00&email=test%2Balias@gmail.com' +
        '&plus=test+alias@gmail.com&url=https://www.google.com/&whitespace=foo%20bar&zhash=abort/',
    ],
    ['invocation-hardcoded', '/stage//hardcoded'],
  ];

  for (const [key, path] of cases) {
    it(`sends the event AWS sent for ${key} (${path})`, async () => {
      expect(comparableEvent(await eventFor('GET', path))).toEqual(
        comparableEvent(recorded[key] as Record<string, unknown>),
      );
    });
  }

  it('sends the event AWS sent for a POST with repeated query parameters and aUThorization', async () => {
    const headers: [string, string][] = [
      ['Host', host],
      ['User-Agent', 'python-requests/testing'],
      ['Accept-Encoding', 'gzip, deflate'],
      ['Accept', '*/*'],
      ['Connection', 'keep-alive'],
      ['Content-Type', 'application/json;charset=utf-8'],
      ['aUThorization', 'Bearer token123;API key456'],
    ];
    const event = await eventFor(
      'POST',
      '/stage/proxy-value?category=electronics&category=books&price=10&price=20&price=30',
      headers,
      '{"message": "hello world"}',
    );
    expect(comparableEvent(event)).toEqual(
      comparableEvent(recorded['invocation-payload-with-params-encoding-multi'] as Record<string, unknown>),
    );
  });

  it('keeps an inner // in requestContext.path, routing and the ARN reading the canonical path', async () => {
    // Accepted difference: AWS keeps `//` in `path` and `{proxy+}` too (recorded: `/proxy-value//double-slash`);
    // idpool merges it there, so that routing, the resource ARN and the event read one canonical path.
    const event = comparableEvent(await eventFor('GET', '/stage/proxy-value//double-slash'));
    const expected = comparableEvent(recorded['invocation-payload-with-double-slash'] as Record<string, unknown>);
    expect(event).toEqual({
      ...expected,
      path: '/proxy-value/double-slash',
      pathParameters: { proxy: 'proxy-value/double-slash' },
    });
  });

  it('passes only the request headers AWS passes (recorded header remapping, AWS_PROXY)', async () => {
    // The recorded call's headers but Trailer, Expect and Transfer-Encoding, which Node's client will not send so.
    const sent: [string, string][] = [
      ['Host', host],
      ['Accept', 'application/json'],
      ['Accept-Charset', 'UTF-8'],
      ['Accept-Encoding', 'br'],
      ['Age', 'request_Age'],
      ['Authorization', 'Unauthorized'],
      ['Connection', 'close'],
      ['Content-Encoding', 'deflate'],
      ['Content-MD5', 'request_Content-MD5'],
      ['Content-Type', 'application/json'],
      ['Date', 'request_Date'],
      ['Max-Forwards', '2'],
      ['Pragma', 'cache'],
      ['Proxy-Authenticate', 'Basic'],
      ['Range', 'bytes=500-999'],
      ['Referer', 'https://example.com/'],
      ['Server', 'https://example.com/'],
      ['TE', 'deflate'],
      ['Upgrade', 'HTTP/2.0'],
      ['User-Agent', 'localStack/0.0'],
      ['Via', 'p.example.net'],
      ['Warn', '299 localStack/0.0'],
      ['WWW-Authenticate', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    ];
    const event = await eventFor('GET', '/stage/no-param', sent);
    const recordedHeaders = (
      recording('header-remapping-aws-proxy.json')['no-param-integration'] as { headers: Record<string, string> }
    ).headers;
    expect(Object.keys(event.headers as object).sort()).toEqual(Object.keys(recordedHeaders).sort());
  });

  describe('reading the function answer (recorded: test_aws_proxy_response_payload_format_validation)', () => {
    const answers = recording('proxy-response-format-validation.json');
    const post = (answer: unknown, extra: [string, string][] = []) =>
      send(
        ctx.emulator,
        'POST',
        '/test/test',
        [['Host', formatHost], ['User-Agent', 'python/test'], ['Content-Type', 'application/json'], ...extra],
        JSON.stringify(answer),
      );
    const recordedHeader = (key: string, name: string) =>
      (answers[key] as { headers: Record<string, string> }).headers[name];
    const content = (response: WireAnswer) => {
      try {
        return JSON.parse(response.body) as unknown;
      } catch {
        return response.body;
      }
    };

    const cases: [string, unknown, number, string[]][] = [
      ['invoke-api-no-body', { statusCode: 200 }, 200, []],
      [
        'invoke-api-with-headers',
        { statusCode: 200, headers: { 'test-header': 'value', 'header-bool': true } },
        200,
        ['test-header', 'header-bool', 'Content-Type'],
      ],
      ['invoke-api-with-headers-null', { statusCode: 200, headers: null }, 200, ['Content-Type']],
      ['invoke-api-wrong-format', { statusCode: 200, wrongValue: 'value' }, 502, []],
      [
        'invoke-api-b64-encoded-true',
        { statusCode: 200, body: Buffer.from('test-data').toString('base64'), isBase64Encoded: true },
        200,
        [],
      ],
      ['invoke-api-b64-encoded-false', { statusCode: 200, body: Buffer.from('test-data').toString('base64') }, 200, []],
      [
        'invoke-api-multi-headers-valid',
        { statusCode: 200, multiValueHeaders: { 'test-multi': ['value1', 'value2'] } },
        200,
        ['test-multi'],
      ],
      [
        'invoke-api-multi-headers-overwrite',
        {
          statusCode: 200,
          multiValueHeaders: { 'test-multi': ['value-multi'] },
          headers: { 'test-multi': 'value-solo' },
        },
        200,
        ['test-multi'],
      ],
      [
        'invoke-api-multi-headers-overwrite-casing',
        {
          statusCode: 200,
          multiValueHeaders: { 'tesT-Multi': ['value-multi'] },
          headers: { 'test-multi': 'value-solo' },
        },
        200,
        ['tesT-Multi'],
      ],
      [
        'invoke-api-multi-headers-invalid',
        { statusCode: 200, multiValueHeaders: { 'test-multi-invalid': 'value1' } },
        502,
        [],
      ],
      ['invoke-api-invalid-status-code', { statusCode: 'test' }, 502, []],
      ['invoke-api-status-code-str', { statusCode: '201' }, 201, []],
      ['invoke-api-just-string', 'justAString', 502, []],
      ['invoke-api-only-headers', { headers: { 'test-header': 'value' } }, 200, []],
    ];
    it('answers each recorded function answer with the status, body and headers AWS answered', async () => {
      for (const [key, answer, status, headers] of cases) {
        const response = await post(answer);
        expect(response.status, key).toBe(status);
        expect(content(response), key).toEqual((answers[key] as { content: unknown }).content);
        for (const name of headers) expect(headerOf(response, name), `${key} ${name}`).toBe(recordedHeader(key, name));
        if (status === 200)
          expect(
            response.headers.some(([name]) => name === 'X-Amzn-Trace-Id'),
            key,
          ).toBe(true);
      }
    });

    it('answers 502, never a bare 500, for a header value with CR/LF or a name HTTP cannot carry', async () => {
      for (const answer of [
        { statusCode: 200, headers: { 'X-Injected': 'a\r\nSet-Cookie: evil=1' } },
        { statusCode: 200, multiValueHeaders: { 'X-Injected': ['ok', 'b\nc'] } },
        { statusCode: 200, headers: { 'Bad Name': 'x' } },
        { statusCode: 200, headers: { 'X-Unicode': 'snow ☃' } },
      ]) {
        const response = await post(answer);
        expect(response.status, JSON.stringify(answer)).toBe(502);
        expect(response.body).toBe('{"message": "Internal server error"}');
        expect(headerOf(response, 'x-amzn-ErrorType')).toBe('InternalServerErrorException');
      }
      expect((await post({ statusCode: 200 })).status).toBe(200);
    });

    it('sends a base64 body as bytes when the first Accept type is a binary media type', async () => {
      const binary = await ApiBuilder.create(ctx.clients.apiGateway, 'recorded-binary');
      await ctx.clients.apiGateway.send(
        new UpdateRestApiCommand({
          restApiId: binary.apiId,
          patchOperations: [{ op: 'add', path: '/binaryMediaTypes/image~1png' }],
        }),
      );
      await binary.lambda(
        'ANY',
        '/{proxy+}',
        'NONE',
        `arn:aws:lambda:us-east-1:${account}:function:response-from-body`,
      );
      await binary.deploy('test');
      const answer = {
        statusCode: 200,
        headers: { 'Content-Type': 'image/png' },
        body: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64'),
        isBase64Encoded: true,
      };
      const binaryHost = executeApiHost(ctx.emulator, binary.apiId);
      const lines = (accept: string): [string, string][] => [
        ['Host', binaryHost],
        ['Accept', accept],
        ['Content-Type', 'application/json'],
      ];
      const asBytes = await new Promise<Buffer>((resolve, reject) => {
        const body = JSON.stringify(answer);
        const outgoing = httpRequest(
          {
            host: '127.0.0.1',
            port: ctx.emulator.port,
            method: 'POST',
            path: '/test/pic',
            headers: [...lines('image/png, */*'), ['Content-Length', String(body.length)]].flat(),
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve(Buffer.concat(chunks)));
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
      expect([...asBytes]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const asText = await send(ctx.emulator, 'POST', '/test/pic', lines('application/json'), JSON.stringify(answer));
      expect(asText.body).toBe(answer.body);
    });
  });

  it('answers 500 at invoke time for an AWS_PROXY integration with integrationHttpMethod GET (recorded)', async () => {
    const wrong = await ApiBuilder.create(ctx.clients.apiGateway, 'recorded-get-method');
    const resourceId = await wrong.resource('/{proxy+}');
    const target = { restApiId: wrong.apiId, resourceId, httpMethod: 'ANY' };
    await ctx.clients.apiGateway.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }));
    await ctx.clients.apiGateway.send(
      new PutIntegrationCommand({
        ...target,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'GET',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${echoArn}/invocations`,
      }),
    );
    await wrong.deploy('test');
    const response = await send(ctx.emulator, 'GET', '/test/test-path', [
      ['Host', executeApiHost(ctx.emulator, wrong.apiId)],
      ['User-Agent', 'python-requests/testing'],
    ]);
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body)).toEqual(
      recording('proxy-non-post-method.json')['invocation-payload-with-get-proxy-method'],
    );
    expect(headerOf(response, 'x-amzn-ErrorType')).toBe('InternalServerErrorException');
  });
});
