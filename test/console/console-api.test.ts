import {
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import aws4 from 'aws4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provisioner } from '../../src/stack/provisioner.js';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { clientsFor } from '../../src/targets/clients.js';
import { createLambdaRole, deployFunction } from '../support/lambda-functions.js';
import { clientsFor as rootClientsFor } from '../support/emulator.js';
import { provisionSeedStack } from '../support/seed-stack.js';

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/**
 * The console's JSON API (CONSOLE-API.md) after the tutorial's seed flow on the embedded emulator: one allowed and
 * one denied execute-api call, one badly signed call, one failing Lambda, expired credentials and token. Every
 * answer is kept and scanned for the secrets the flow was given.
 */
describe('the console API after the seed flow', () => {
  let emulator: RunningEmulator;
  let provisioner: Provisioner;
  let keys: Keys;
  let token: string;
  let identityId: string;
  let poolId: string;
  const answers: string[] = [];
  const requestIds: Record<string, string> = {};

  async function api(path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${emulator.url}/_idpool/console/api/${path}`, init);
    const text = await response.text();
    answers.push(text);
    return { status: response.status, body: JSON.parse(text), headers: response.headers };
  }

  async function ok(path: string): Promise<any> {
    const answer = await api(path);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    return answer.body;
  }

  async function signedGet(path: string, credentials: Keys): Promise<Response> {
    const url = new URL(path);
    const signed = aws4.sign(
      { host: url.host, path: url.pathname, method: 'GET', service: 'execute-api', region: emulator.region },
      credentials,
    );
    return fetch(url, { headers: signed.headers as Record<string, string> });
  }

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'error' });
    const seeded = await provisionSeedStack(emulator);
    provisioner = seeded.provisioner;
    const { clients, session } = seeded;
    const { stack } = provisioner;
    poolId = stack.identityPoolId as string;
    const developer = stack.developerProviderName as string;
    const issued = await clients.cognito.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        Logins: { [developer]: 'tutorial-user' },
      }),
    );
    identityId = issued.IdentityId as string;
    token = issued.Token as string;
    for (let index = 0; index < 5; index++) {
      await clients.cognito.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          Logins: { [developer]: `other-user-${index}` },
        }),
      );
    }
    const unsigned = clientsFor(session, { accessKeyId: 'unused', secretAccessKey: 'unused' }).cognito;
    const answer = await unsigned.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: { 'cognito-identity.amazonaws.com': token },
      }),
    );
    const credentials = answer.Credentials as { AccessKeyId: string; SecretKey: string; SessionToken: string };
    keys = {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretKey,
      sessionToken: credentials.SessionToken,
    };
    const hello = await signedGet(`${stack.apiUrl}${stack.helloPath}`, keys);
    expect(hello.status).toBe(200);
    const denied = await signedGet(`${stack.apiUrl}${stack.deniedPath}`, keys);
    expect(denied.status).toBe(403);
    requestIds.denied = denied.headers.get('x-amzn-requestid') as string;

    const sts = (credentials: Keys) =>
      new STSClient({ endpoint: emulator.url, region: emulator.region, credentials, maxAttempts: 1 });
    const badly = await sts({ ...keys, secretAccessKey: 'not-the-secret' })
      .send(new GetCallerIdentityCommand({}))
      .catch((error: { $metadata: { requestId?: string }; name: string }) => error);
    expect((badly as { name: string }).name).toBe('SignatureDoesNotMatch');
    requestIds.badlySigned = (badly as { $metadata: { requestId: string } }).$metadata.requestId;

    const root = rootClientsFor(emulator);
    const role = await createLambdaRole(root, 'console-failing-role');
    await deployFunction(root, role, 'console-failing', {
      'index.js': "exports.handler = async () => { console.log('about to fail'); throw new TypeError('it broke'); };",
    });
    const failed = await root.lambda.send(new InvokeCommand({ FunctionName: 'console-failing' }));
    expect(failed.FunctionError).toBe('Unhandled');
    requestIds.lambda = failed.$metadata.requestId as string;

    await fetch(`${emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 3 * 3600 }),
    });
    const expired = await sts(keys)
      .send(new GetCallerIdentityCommand({}))
      .catch((error: { $metadata: { requestId?: string }; name: string }) => error);
    expect((expired as { name: string }).name).toBe('ExpiredToken');
    requestIds.expiredCredentials = (expired as { $metadata: { requestId: string } }).$metadata.requestId;
    const expiredCall = await signedGet(`${stack.apiUrl}${stack.helloPath}`, keys);
    expect(expiredCall.status).toBe(403);
    requestIds.expiredExecuteApi = expiredCall.headers.get('x-amzn-requestid') as string;
    const expiredToken = await unsigned
      .send(
        new GetCredentialsForIdentityCommand({
          IdentityId: identityId,
          Logins: { 'cognito-identity.amazonaws.com': token },
        }),
      )
      .catch((error: { $metadata: { requestId?: string }; name: string }) => error);
    expect((expiredToken as { name: string }).name).toBe('NotAuthorizedException');
    requestIds.expiredToken = (expiredToken as { $metadata: { requestId: string } }).$metadata.requestId;
    await fetch(`${emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetSeconds: 0 }),
    });
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it('overview: region, account, clock and counts', async () => {
    const overview = await ok('overview');
    expect(overview).toMatchObject({ region: emulator.region, accountId: emulator.accountId, persistent: false });
    expect(overview.clockOffsetSeconds).toBe(0);
    expect(Math.abs(Date.parse(overview.now) - Date.now())).toBeLessThan(60_000);
    expect(overview.counts).toMatchObject({ identityPools: 1, restApis: 1, functions: 2 });
    expect(overview.counts.roles).toBeGreaterThanOrEqual(3);
    expect(overview.counts.requests).toBeGreaterThan(10);
  });

  it('pools: the list with identity counts and a pool as the AWS console shows it', async () => {
    const { pools, nextToken } = await ok('pools');
    expect(nextToken).toBeUndefined();
    expect(pools).toEqual([
      {
        id: poolId,
        name: expect.any(String),
        developerProviderName: provisioner.stack.developerProviderName,
        allowUnauthenticated: expect.any(Boolean),
        allowClassicFlow: expect.any(Boolean),
        identityCount: 6,
      },
    ]);
    const pool = await ok(`pools/${encodeURIComponent(poolId)}`);
    expect(pool).toMatchObject({
      id: poolId,
      arn: `arn:aws:cognito-identity:${emulator.region}:${emulator.accountId}:identitypool/${poolId}`,
      identityCount: 6,
      supportedLoginProviders: {},
      openIdConnectProviderArns: [],
      roleMappings: {},
    });
    expect(pool.roles.authenticated).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(typeof pool.tags).toBe('object');
    expect((await api('pools/us-east-1:00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('identities: pages in creation order, complete and without repeats', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await ok(
        `pools/${encodeURIComponent(poolId)}/identities?limit=2${token ? `&nextToken=${token}` : ''}`,
      );
      seen.push(...page.identities.map((identity: { identityId: string }) => identity.identityId));
      token = page.nextToken;
      pages++;
    } while (token && pages < 10);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen[0]).toBe(identityId);
    const first = (await ok(`pools/${encodeURIComponent(poolId)}/identities?limit=1`)).identities[0];
    expect(first).toEqual({
      identityId,
      logins: [{ provider: provisioner.stack.developerProviderName, userIdentifier: 'tutorial-user' }],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastModifiedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      disabled: false,
    });
    expect((await api(`pools/${encodeURIComponent(poolId)}/identities?nextToken=garbage`)).status).toBe(400);
    expect((await api(`pools/${encodeURIComponent(poolId)}/identities?limit=0`)).status).toBe(400);
  });

  it('identities: search by identity id, developer user id, and a prefix of either', async () => {
    const search = async (text: string, extra = '') =>
      (await ok(`pools/${encodeURIComponent(poolId)}/identities?search=${encodeURIComponent(text)}${extra}`))
        .identities;
    expect((await search(identityId)).map((identity: { identityId: string }) => identity.identityId)).toEqual([
      identityId,
    ]);
    const byUser = await search('tutorial-user');
    expect(byUser).toHaveLength(1);
    expect(byUser[0].identityId).toBe(identityId);
    expect(byUser[0].logins[0].userIdentifier).toBe('tutorial-user');
    expect(await search('other-user-')).toHaveLength(5);
    expect(await search('nobody')).toEqual([]);
    const guid = identityId.split(':')[1] as string;
    const byIdPrefix = await search(guid.slice(0, 8));
    expect(byIdPrefix.map((identity: { identityId: string }) => identity.identityId)).toContain(identityId);
    const users: string[] = [];
    const identities = `pools/${encodeURIComponent(poolId)}/identities`;
    let token: string | undefined;
    do {
      const page = await ok(`${identities}?search=other-user-&limit=2${token ? `&nextToken=${token}` : ''}`);
      users.push(...page.identities.map((identity: any) => identity.logins[0].userIdentifier));
      token = page.nextToken;
    } while (token && users.length < 20);
    expect(users).toEqual([0, 1, 2, 3, 4].map((index) => `other-user-${index}`));
  });

  it("an identity's page: its logins and the requests its sessions made", async () => {
    const identity = await ok(`identities/${encodeURIComponent(identityId)}`);
    expect(identity).toMatchObject({ identityId, poolId, disabled: false });
    expect(identity.logins).toEqual([
      { provider: provisioner.stack.developerProviderName, userIdentifier: 'tutorial-user' },
    ]);
    const paths = identity.recentRequests.map((request: { path: string }) => request.path);
    expect(paths.some((path: string) => path.endsWith(provisioner.stack.helloPath as string))).toBe(true);
    expect(identity.recentRequests.every((request: { identityId: string }) => request.identityId === identityId)).toBe(
      true,
    );
    expect((await api('identities/us-east-1:nope')).status).toBe(404);
  });

  it('roles: trust policy, policies, the pools that use it and its recent sessions', async () => {
    const { roles } = await ok('roles');
    const authArn = (await ok(`pools/${encodeURIComponent(poolId)}`)).roles.authenticated as string;
    const auth = roles.find((role: { arn: string }) => role.arn === authArn);
    expect(auth).toMatchObject({ roleId: expect.stringMatching(/^AROA/), usedByPools: [poolId] });
    const role = await ok(`roles/${auth.name}`);
    expect(role.trustPolicy.Statement[0].Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(role.usedByPools).toEqual([{ poolId, name: expect.any(String), as: 'authenticated' }]);
    const documents = [...role.inlinePolicies, ...role.attachedPolicies].map((policy: any) => policy.document);
    expect(JSON.stringify(documents)).toContain('execute-api:Invoke');
    expect(role.recentSessions.length).toBeGreaterThan(0);
    expect(role.recentSessions[0]).toMatchObject({ identityId, requests: expect.any(Number) });
    const page = await ok('roles?limit=1');
    expect(page.roles).toHaveLength(1);
    const second = await ok(`roles?limit=1&nextToken=${page.nextToken}`);
    expect(second.roles[0].name).not.toBe(page.roles[0].name);
    expect((await api('roles/no-such-role')).status).toBe(404);
  });

  it('apis: the resource tree, methods, stages with both invoke URLs and a curl line', async () => {
    const { apis } = await ok('apis');
    const apiId = provisioner.stack.restApiId as string;
    expect(apis).toEqual([{ id: apiId, name: expect.any(String), createdAt: expect.any(String), stages: ['dev'] }]);
    const described = await ok(`apis/${apiId}`);
    const hello = described.resources.find(
      (resource: { path: string }) => resource.path === provisioner.stack.helloPath,
    );
    const get = hello.methods.find((method: { httpMethod: string }) => method.httpMethod === 'GET');
    expect(get).toMatchObject({ authorizationType: 'AWS_IAM', integration: { type: 'AWS_PROXY' } });
    expect(get.integration.functionName).toBeTruthy();
    const port = new URL(emulator.url).port;
    expect(described.stages[0].invokeUrls).toEqual({
      localhost: `http://${apiId}.execute-api.localhost:${port}/dev`,
      path: `http://127.0.0.1:${port}/restapis/${apiId}/dev/_user_request_`,
    });
    const curl = described.curl.dev[provisioner.stack.helloPath as string].GET as string;
    expect(curl).toBe(
      `curl --aws-sigv4 'aws:amz:${emulator.region}:execute-api' --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" ` +
        `-H "x-amz-security-token: $AWS_SESSION_TOKEN" ` +
        `'http://127.0.0.1:${port}/restapis/${apiId}/dev/_user_request_/hello'`,
    );
    expect(described.deployments.length).toBeGreaterThan(0);
    expect((await api('apis/nope')).status).toBe(404);
  });

  it('functions: configuration and the last invocations with their logs', async () => {
    const { functions } = await ok('functions');
    expect(functions.map((fn: { name: string }) => fn.name)).toContain('console-failing');
    const fn = await ok('functions/console-failing');
    expect(fn).toMatchObject({ runtime: 'nodejs20.x', handler: 'index.handler', state: 'Active', environment: {} });
    expect(fn.invocations).toHaveLength(1);
    expect(fn.invocations[0]).toMatchObject({ status: 'error', errorType: 'TypeError', errorMessage: 'it broke' });
    expect(fn.invocations[0].logs).toContain('about to fail');
    const hello = functions.find((candidate: { name: string }) => candidate.name !== 'console-failing');
    const helloFn = await ok(`functions/${hello.name}`);
    expect(helloFn.invocations[0]).toMatchObject({ status: 'ok' });
  });

  it('requests: newest first, filtered, and polled with after', async () => {
    const { requests } = await ok('requests?limit=200');
    expect(requests.length).toBeGreaterThan(10);
    expect(requests[0].seq).toBeGreaterThan(requests[1].seq);
    const denied = (await ok('requests?decision=denied')).requests;
    expect(denied.map((request: { requestId: string }) => request.requestId)).toContain(requestIds.denied);
    const sts = (await ok('requests?service=sts')).requests;
    expect(sts.every((request: { service: string }) => request.service === 'sts')).toBe(true);
    expect((await ok('requests?status=4xx')).requests.every((request: any) => request.status >= 400)).toBe(true);
    const newest = requests[0].seq as number;
    expect((await ok(`requests?after=${newest}`)).requests).toEqual([]);
    expect((await ok(`requests?after=${newest - 2}`)).requests.map((request: any) => request.seq)).toEqual([
      newest,
      newest - 1,
    ]);
    expect((await api('requests?decision=maybe')).status).toBe(400);
    expect((await api('requests/not-a-request')).status).toBe(404);
  });

  it('a denied execute-api call: the policies evaluated, no statement deciding, and the statement to add', async () => {
    const detail = await ok(`requests/${requestIds.denied}`);
    const { restApiId, deniedPath } = provisioner.stack;
    const resource = `arn:aws:execute-api:${emulator.region}:${emulator.accountId}:${restApiId}/dev/GET${deniedPath}`;
    expect(detail).toMatchObject({ decision: 'implicit-deny', status: 403, resource, callerArn: expect.any(String) });
    expect(detail.caller).toMatchObject({ kind: 'role-session', identityId, identityPoolId: poolId });
    expect(detail.caller.accessKeyId).toBeUndefined();
    const { explanation } = detail;
    expect(explanation).toMatchObject({
      kind: 'iam-denial',
      outcome: 'implicit-deny',
      action: 'execute-api:Invoke',
      resource,
    });
    expect(explanation.evaluated.length).toBeGreaterThan(0);
    const statements = explanation.evaluated.flatMap((policy: any) => policy.statements);
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((statement: any) => statement.matched === false && statement.deciding === false)).toBe(
      true,
    );
    expect(JSON.stringify(explanation.evaluated[0].document)).toContain('execute-api:Invoke');
    expect(explanation.suggestedStatement).toEqual({
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: resource,
    });
  });

  it('an allowed request has no explanation, but names the statement that allowed it', async () => {
    const { requests } = await ok('requests?decision=allow&service=execute-api');
    const detail = await ok(`requests/${requests[0].requestId}`);
    expect(detail.explanation).toBeUndefined();
    expect(detail.decidedBy).toMatchObject({ policyKind: expect.any(String) });
  });

  it('a badly signed call: the canonical request and string to sign the emulator computed', async () => {
    const { explanation } = await ok(`requests/${requestIds.badlySigned}`);
    expect(explanation.kind).toBe('signature');
    expect(explanation.canonicalRequest).toMatch(/^POST\n\/\n/);
    expect(explanation.stringToSign).toMatch(/^AWS4-HMAC-SHA256\n/);
    expect(explanation.message).toContain('signature');
  });

  it('expired credentials and an expired token: when they expired on the emulator clock', async () => {
    const credentials = (await ok(`requests/${requestIds.expiredCredentials}`)).explanation;
    expect(credentials).toMatchObject({ kind: 'expired', what: 'credentials' });
    expect(Date.parse(credentials.expiredAt)).toBeLessThan(Date.now() + 3 * 3600_000);
    expect(Date.parse(credentials.expiredAt)).toBeGreaterThan(Date.now());
    // execute-api answers in API Gateway's shape, apart from the services' error writer: it still says so.
    const onExecuteApi = (await ok(`requests/${requestIds.expiredExecuteApi}`)).explanation;
    expect(onExecuteApi).toMatchObject({ kind: 'expired', what: 'credentials', expiredAt: credentials.expiredAt });
    const tokenExpiry = (await ok(`requests/${requestIds.expiredToken}`)).explanation;
    expect(tokenExpiry).toMatchObject({ kind: 'expired', what: 'token' });
    const exp = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).exp as number;
    expect(tokenExpiry.expiredAt).toBe(new Date(exp * 1000).toISOString());
  });

  it("a Lambda error: the function's error type, message and log", async () => {
    const { explanation } = await ok(`requests/${requestIds.lambda}`);
    expect(explanation).toMatchObject({
      kind: 'lambda-error',
      functionName: 'console-failing',
      errorType: 'TypeError',
      errorMessage: 'it broke',
    });
    expect(explanation.logs).toContain('about to fail');
  });

  it('contract runs: a results.json is kept, newest first; anything else is refused', async () => {
    const results = {
      tool: 'idpool',
      version: '0.1.0',
      startedAt: new Date().toISOString(),
      durationMs: 5,
      targets: [{ target: 'embedded', state: 'ran', results: [{ id: 'x', status: 'pass' }] }],
    };
    const post = (body: string) =>
      api('runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const first = await post(JSON.stringify(results));
    expect(first.status).toBe(200);
    const second = await post(JSON.stringify({ ...results, durationMs: 6 }));
    const { runs } = await ok('runs');
    expect(runs.map((run: { id: string }) => run.id)).toEqual([second.body.id, first.body.id]);
    expect(runs[1]).toEqual({ id: first.body.id, receivedAt: expect.any(String), results });
    expect((await post('{"tool":"other"}')).status).toBe(400);
    expect((await post('{"tool":"idpool","startedAt":"x","targets":[{"target":1}]}')).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    for (let index = 0; index < 25; index++) await post(JSON.stringify(results));
    expect((await ok('runs')).runs).toHaveLength(20);
  });

  it('unknown routes and methods answer JSON errors', async () => {
    expect((await api('nothing-here')).status).toBe(404);
    expect((await api('pools/a/b/c')).status).toBe(404);
    expect((await api('overview', { method: 'DELETE' })).status).toBe(405);
  });

  it('no answer holds a secret key, session token, OpenID token or its signature', async () => {
    expect(answers.length).toBeGreaterThan(30);
    const all = answers.join('\n');
    const signature = token.split('.')[2] as string;
    for (const secret of [keys.secretAccessKey, keys.sessionToken, token, signature, 'not-the-secret']) {
      const where = answers.find((answer) => answer.includes(secret));
      expect(where, secret.slice(0, 12)).toBeUndefined();
    }
    expect(all).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(all).not.toMatch(/PRIVATE KEY/);
  });
});
