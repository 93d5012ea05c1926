import { UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../emulator/endpoint.js';
import { executeApiEndpoint } from '../../emulator/services/apigateway/execute-api/execute-api-endpoint.js';
import { executeApiHost, sendRaw, signRequest, type Credentials } from '../support/execute-api.js';
import { useEmulator } from '../support/emulator.js';
import { asCredentials, createTestRole, issueTestCredentials, putTestRolePolicy } from '../support/iam-roles.js';
import { ApiBuilder } from './api-builder.js';
import { FakeLambda, incomingRequest } from './fake-lambda.js';

const account = '000000000000';

/** The attacks of issue 8: another spelling of a path must never reach a resource under another ARN. */
describe('execute-api: a Deny or an allow-list holds whatever the spelling of the path', () => {
  const ctx = useEmulator();
  let api: ApiBuilder;
  let host: string;
  let denier: Credentials;
  let publicOnly: Credentials;
  const arn = (path: string) => `arn:aws:execute-api:us-east-1:${account}:${api.apiId}/dev/GET/${path}`;

  beforeAll(async () => {
    api = await ApiBuilder.create(ctx.clients.apiGateway, 'spellings');
    await api.mock('GET', '/private', 'AWS_IAM');
    await api.mock('GET', '/hello', 'AWS_IAM');
    await api.mock('GET', '/files/{proxy+}', 'AWS_IAM');
    await api.deploy('dev');
    host = executeApiHost(ctx.emulator, api.apiId);
    const runtime = ctx.emulator.runtime;
    const denierRole = createTestRole(runtime, 'denier');
    putTestRolePolicy(runtime, denierRole, 'all-but', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: `arn:aws:execute-api:us-east-1:${account}:${api.apiId}/*`,
        },
        { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: [arn('private'), arn('files/admin/*')] },
      ],
    });
    denier = asCredentials(issueTestCredentials(runtime, denierRole));
    const publicRole = createTestRole(runtime, 'public-only');
    putTestRolePolicy(runtime, publicRole, 'public', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: arn('files/public/*') }],
    });
    publicOnly = asCredentials(issueTestCredentials(runtime, publicRole));
  });

  const get = (path: string, who: Credentials) => sendRaw(ctx.emulator, signRequest({ host, path }, who));
  const refusedResource = (body: string) =>
    /on resource: (\S+)/.exec((JSON.parse(body) as { Message: string }).Message)?.[1];
  const masked = (path: string) => `arn:aws:execute-api:us-east-1:********0000:${api.apiId}/dev/GET/${path}`;

  it('denies /private however spelt, naming it; an unknown route stays 403 Missing Authentication Token', async () => {
    expect((await get('/dev/hello', denier)).status).toBe(200);
    for (const path of [
      '/dev/private',
      '/dev/private/',
      '/dev/%70rivate/',
      '/dev/%70rivate',
      '//dev//private//',
      '/dev/./private',
      '/dev/x/../private',
    ]) {
      const response = await get(path, denier);
      expect(response.status, path).toBe(403);
      expect(response.headers['x-amzn-errortype']).toBe('AccessDeniedException');
      expect(refusedResource(response.body), path).toBe(masked('private'));
      expect(response.body).toContain('with an explicit deny');
    }
    for (const path of ['/dev/nowhere', '/dev/PRIVATE', '/dev/files']) {
      const response = await get(path, denier);
      expect(response.status, path).toBe(403);
      expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect(response.body).toBe('{"message":"Missing Authentication Token"}');
    }
  });

  it('denies files/admin/* through dot segments, encoded dots and doubled slashes', async () => {
    expect((await get('/dev/files/other/x', denier)).status).toBe(200);
    for (const path of [
      '/dev/files/admin/x',
      '/dev/files/x/../admin/x',
      '/dev/files/x/%2e%2e/admin/x',
      '/dev/files/x/%2E./admin/x',
      '/dev/files//admin/x',
      '/dev/files/%61dmin/x',
    ]) {
      const response = await get(path, denier);
      expect(response.status, path).toBe(403);
      expect(refusedResource(response.body), path).toBe(masked('files/admin/x'));
    }
  });

  it('keeps an allow-list of files/public/* from reaching outside it', async () => {
    expect((await get('/dev/files/public/a.txt', publicOnly)).status).toBe(200);
    for (const path of [
      '/dev/files/public/../secret.txt',
      '/dev/files/public/%2e%2e/secret.txt',
      '/dev/files/public/.%2E/secret.txt',
    ]) {
      const response = await get(path, publicOnly);
      expect(response.status, path).toBe(403);
      expect(refusedResource(response.body), path).toBe(masked('files/secret.txt'));
    }
  });
});

// Characters a segment value may hold: unreserved, sub-delims, ':' '@', and some that must be percent-encoded.
const mayBeRaw = new Set("abcXYZ019-._~!$&'()*+,;=:@".split(''));
const segmentCharacters = [...mayBeRaw, ' ', '%', '/', '?', '#', 'é', '€'];
const literals = ['private', 'files', 'admin', 'users', 'profile', 'public'];

const segmentValue = fc
  .oneof(
    fc.constantFrom(...literals),
    fc.string({ unit: fc.constantFrom(...segmentCharacters), minLength: 1, maxLength: 6 }),
  )
  .filter((value) => value !== '.' && value !== '..');

function percentEncode(character: string, lowerCase: boolean): string {
  const hex = [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  return lowerCase ? hex : hex.toUpperCase();
}

/** The plain spelling: only what must be encoded is. */
function plainSegment(value: string): string {
  return [...value]
    .map((character) => (mayBeRaw.has(character) ? character : percentEncode(character, false)))
    .join('');
}

/** Another spelling of the same value: any character may be percent-encoded, in either hex case. */
function spelledSegment(value: string): fc.Arbitrary<string> {
  const characters = [...value];
  return fc
    .array(fc.nat(2), { minLength: characters.length, maxLength: characters.length })
    .map((choices) =>
      characters
        .map((character, index) =>
          choices[index] === 0 && mayBeRaw.has(character) ? character : percentEncode(character, choices[index] === 2),
        )
        .join(''),
    );
}

const dotDot = fc.constantFrom('..', '%2e%2e', '%2E%2E', '.%2e', '%2E.');
const dot = fc.constantFrom('.', '%2e', '%2E');
const separator = fc.constantFrom('/', '/', '/', '//', '///');

/** Before a segment: nothing, a `./`, or a detour `junk/../`, each with its own slashes. */
const detour = fc.oneof(
  fc.constant(''),
  fc.constant(''),
  fc.tuple(dot, separator).map(([d, s]) => `${d}${s}`),
  fc
    .tuple(segmentValue.chain(spelledSegment), separator, dotDot, separator)
    .map(([junk, s1, up, s2]) => `${junk}${s1}${up}${s2}`),
);

function spelledPath(values: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.tuple(...values.map((value) => fc.tuple(separator, detour, spelledSegment(value)))),
      fc.constantFrom('', '', '/', '//'),
      fc.constantFrom('', '/'),
    )
    .map(
      ([segments, trailing, leading]) =>
        `${leading}${segments.map(([s, d, spelling]) => `${s}${d}${spelling}`).join('')}${trailing}`,
    );
}

/** Which resource the values reach, by API Gateway's rules (literal, then {param}, then greedy), written out. */
function expectedResource(values: string[]): string {
  const [first, second, third, ...rest] = values;
  if (values.length === 0) return '/';
  if (values.length === 1 && first === 'private') return '/private';
  if (first === 'files' && second === 'admin' && values.length >= 3) return '/files/admin/{proxy+}';
  if (first === 'files' && values.length >= 2) return '/files/{proxy+}';
  if (first === 'users' && values.length === 2) return '/users/{id}';
  if (first === 'users' && third === 'profile' && rest.length === 0) return '/users/{id}/profile';
  return '/{proxy+}';
}

function arnPathOf(values: string[]): string {
  return values.map((value) => value.replaceAll('%', '%25').replaceAll('/', '%2F')).join('/');
}

/**
 * The property of issue 8: for generated paths and generated other spellings of them (percent-encoding in either
 * case, doubled slashes, `./` and `x/../` detours with encoded dots, trailing and leading slashes), the ARN
 * execute-api:Invoke is checked on is the same, names the canonical path, and the request reaches the resource
 * that path names; the Lambda event shows that path and resource.
 */
describe('execute-api: the ARN checked always names the resource the request reaches (property)', () => {
  const ctx = useEmulator();
  const lambda = new FakeLambda();
  let endpoint: Endpoint;
  let host: string;
  let apiId: string;

  beforeAll(async () => {
    endpoint = executeApiEndpoint(ctx.emulator.runtime, { lambda: () => lambda });
    const api = await ApiBuilder.create(ctx.clients.apiGateway, 'canonical');
    apiId = api.apiId;
    const functionArn = `arn:aws:lambda:us-east-1:${account}:function:echo`;
    for (const path of [
      '/',
      '/private',
      '/files/{proxy+}',
      '/files/admin/{proxy+}',
      '/users/{id}',
      '/users/{id}/profile',
      '/{proxy+}',
    ]) {
      await api.lambda('GET', path, 'NONE', functionArn);
    }
    await api.deploy('open');
    const onlyNever = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'execute-api:Invoke',
          Resource: `arn:aws:execute-api:us-east-1:${account}:${apiId}/never/*`,
        },
      ],
    };
    await ctx.clients.apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: apiId,
        patchOperations: [{ op: 'replace', path: '/policy', value: JSON.stringify(onlyNever) }],
      }),
    );
    await api.deploy('locked');
    host = executeApiHost(ctx.emulator, apiId);
    lambda.answer = (event) =>
      FakeLambda.returning({
        statusCode: 200,
        body: JSON.stringify({ resource: event.resource, path: event.path, pathParameters: event.pathParameters }),
      });
  });

  const serve = (path: string) => endpoint.serve(incomingRequest(ctx.emulator, { host, path }));

  async function arnChecked(stagePath: string): Promise<string> {
    const response = await serve(`/locked${stagePath}`);
    expect(response.status, stagePath).toBe(403);
    const message = (JSON.parse(Buffer.from(response.body).toString()) as { Message: string }).Message;
    const resource = message.slice(message.indexOf(' on resource: ') + ' on resource: '.length);
    const prefix = `arn:aws:execute-api:us-east-1:********0000:${apiId}/locked/GET/`;
    expect(resource.startsWith(prefix), resource).toBe(true);
    return resource.slice(prefix.length);
  }

  async function reached(
    stagePath: string,
  ): Promise<{ resource: string; path: string; pathParameters: Record<string, string> | null }> {
    const response = await serve(`/open${stagePath}`);
    expect(response.status, stagePath).toBe(200);
    return JSON.parse(Buffer.from(response.body).toString()) as {
      resource: string;
      path: string;
      pathParameters: Record<string, string> | null;
    };
  }

  const decodedSegments = (path: string) =>
    path
      .split('/')
      .filter((part) => part !== '')
      .map((part) => decodeURIComponent(part));

  it('same resource, same ARN, whatever the spelling', async () => {
    const cases = fc
      .array(segmentValue, { maxLength: 5 })
      .chain((values) => fc.tuple(fc.constant(values), spelledPath(values)));
    await fc.assert(
      fc.asyncProperty(cases, async ([values, spelling]) => {
        const plain = values.length === 0 ? '/' : `/${values.map(plainSegment).join('/')}`;
        const expectedArnPath = arnPathOf(values);
        expect(await arnChecked(plain)).toBe(expectedArnPath);
        expect(await arnChecked(spelling), spelling).toBe(expectedArnPath);
        const viaPlain = await reached(plain);
        const viaSpelling = await reached(spelling);
        expect(viaPlain.resource).toBe(expectedResource(values));
        expect(viaSpelling.resource, spelling).toBe(viaPlain.resource);
        expect(decodedSegments(viaSpelling.path), spelling).toEqual(values);
        const greedy = viaSpelling.pathParameters?.proxy;
        if (greedy !== undefined) expect(values.join('/').endsWith(decodedSegments(greedy).join('/'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
