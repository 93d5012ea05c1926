import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { DeleteRolePolicyCommand, GetRoleCommand, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/testing.js';
import type { RequestLogEntry } from '../../emulator/request-log.js';
import { clientsFor } from '../support/emulator.js';
import { requestLog, seedFlow, type SeededFlow } from './seed.js';

describe('the request log', () => {
  let emulator: RunningEmulator;
  let flow: SeededFlow;
  let roleArn: string;
  const lines: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'info', logSink: (line) => lines.push(line) });
    flow = await seedFlow(emulator);
    const role = flow.names.authenticatedRole;
    roleArn = `arn:aws:sts::${emulator.accountId}:assumed-role/${role}/CognitoIdentityCredentials`;
  }, 60_000);
  afterAll(async () => {
    await flow?.provisioner.teardown.run();
    await emulator?.stop();
  });

  const newest = async (query = ''): Promise<RequestLogEntry> => {
    const [entry] = await requestLog(emulator, `?limit=1${query}`);
    if (!entry) throw new Error('the log is empty');
    return entry;
  };

  it('records an allowed execute-api call with its caller, decision, deciding statement and status', async () => {
    const response = await flow.get('/hello');
    expect(response.status).toBe(200);
    const entry = await newest();
    expect(entry).toMatchObject({
      method: 'GET',
      path: `/restapis/${flow.apiId}/dev/_user_request_/hello`,
      service: 'execute-api',
      operation: 'Invoke',
      executeApi: { apiId: flow.apiId, stage: 'dev', method: 'GET', path: '/hello' },
      authentication: 'sigv4',
      caller: {
        kind: 'role-session',
        arn: roleArn,
        accessKeyId: flow.keys.accessKeyId,
        roleName: flow.names.authenticatedRole,
        sessionName: 'CognitoIdentityCredentials',
        identityId: flow.identityId,
      },
      decision: 'allow',
      actions: ['execute-api:Invoke'],
      resource: flow.methodArn('/hello'),
      decidedBy: { policyKind: 'inline', policyName: flow.names.invokePolicy, statement: '0' },
      status: 200,
    });
    expect(entry.errorCode).toBeUndefined();
    expect(entry.requestId).toBe(response.headers.get('x-amzn-requestid'));
    expect(entry.durationMs).toBeGreaterThan(0);
    expect(Date.parse(entry.time)).not.toBeNaN();
  });

  it('records a denied route with the missing permission, and logs one info line naming it', async () => {
    const response = await flow.get('/private');
    expect(response.status).toBe(403);
    const entry = await newest();
    expect(entry).toMatchObject({
      caller: { arn: roleArn },
      decision: 'implicit-deny',
      actions: ['execute-api:Invoke'],
      resource: flow.methodArn('/private'),
      status: 403,
      errorCode: 'AccessDeniedException',
    });
    expect(entry.decidedBy).toBeUndefined();
    const resource = flow.methodArn('/private');
    const denial = `denied: ${roleArn} may not execute-api:Invoke on ${resource} (no identity-based policy allows it)`;
    expect(lines.filter((line) => line.includes(denial) && line.includes(entry.requestId))).toHaveLength(1);
    expect(lines.find((line) => line.includes(denial))).toMatch(/ INFO /);
  });

  it('names the policy and Sid of an explicit deny', async () => {
    const RoleName = flow.names.authenticatedRole;
    const deny = { Sid: 'NoHello', Effect: 'Deny', Action: 'execute-api:Invoke', Resource: flow.methodArn('/hello') };
    const PolicyDocument = JSON.stringify({ Version: '2012-10-17', Statement: [deny] });
    await flow.clients.iam.send(new PutRolePolicyCommand({ RoleName, PolicyName: 'deny-hello', PolicyDocument }));
    try {
      expect((await flow.get('/hello')).status).toBe(403);
      const entry = await newest();
      expect(entry).toMatchObject({
        decision: 'explicit-deny',
        decidedBy: { policyKind: 'inline', policyName: 'deny-hello', statement: 'NoHello' },
      });
      expect(
        lines.some((line) => line.includes('explicitly denied by inline policy deny-hello, statement NoHello')),
      ).toBe(true);
    } finally {
      await flow.clients.iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName: 'deny-hello' }));
    }
  });

  it('records unsigned operations and methods, and root calls', async () => {
    const anyKeys = clientsFor(emulator, { accessKeyId: 'x', secretAccessKey: 'x' });
    const pool = flow.provisioner.stack.identityPoolId as string;
    await anyKeys.cognito.send(new GetIdCommand({ IdentityPoolId: pool, Logins: {} })).catch(() => undefined);
    const getId = await newest();
    expect(getId).toMatchObject({
      service: 'cognito-identity',
      operation: 'GetId',
      authentication: 'unsigned',
      decision: 'unsigned',
    });
    expect(getId.caller).toBeUndefined();

    const preflight = await fetch(`${flow.apiUrl}/hello`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(200);
    expect(await newest()).toMatchObject({
      decision: 'unsigned',
      resource: flow.methodArn('/hello', 'OPTIONS'),
      status: 200,
    });

    await flow.clients.iam.send(new ListRolesCommand({}));
    expect(await newest()).toMatchObject({
      service: 'iam',
      operation: 'ListRoles',
      decision: 'root',
      caller: { kind: 'root', arn: `arn:aws:iam::${emulator.accountId}:root`, accessKeyId: 'test' },
      status: 200,
    });
    expect((await flow.get('/private', { accessKeyId: 'test', secretAccessKey: 'test' })).status).toBe(200);
    expect(await newest()).toMatchObject({ decision: 'root', resource: flow.methodArn('/private'), status: 200 });
  });

  it('keeps the canonical request and string-to-sign of a refused signature, without the session token', async () => {
    const wrong = { ...flow.keys, secretAccessKey: `${flow.keys.secretAccessKey}x` };
    expect((await flow.get('/hello', wrong)).status).toBe(403);
    const invoke = await newest();
    expect(invoke).toMatchObject({ service: 'execute-api', status: 403, errorCode: 'InvalidSignatureException' });
    const mismatch = invoke.signatureMismatch as { canonicalRequest: string; stringToSign: string };
    expect(mismatch.canonicalRequest).toMatch(new RegExp(`^GET\n/restapis/${flow.apiId}/dev/_user_request_/hello\n`));
    expect(mismatch.canonicalRequest).toContain('\nx-amz-security-token:<redacted>\n');
    expect(mismatch.stringToSign).toMatch(
      /^AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/execute-api\/aws4_request\n[0-9a-f]{64}$/,
    );

    // The control plane: the wire message holds the real canonical request; the log the same with the token blanked.
    const sts = clientsFor(emulator, wrong).sts;
    const refused = await sts.send(new GetCallerIdentityCommand({})).catch((error: Error) => error);
    expect(refused).toMatchObject({ name: 'SignatureDoesNotMatch' });
    const onTheWire = /should have been\n'([^']*)'/.exec((refused as Error).message)?.[1] as string;
    expect(onTheWire).toContain(flow.keys.sessionToken);
    const entry = await newest();
    expect(entry).toMatchObject({
      service: 'sts',
      operation: 'GetCallerIdentity',
      status: 403,
      errorCode: 'SignatureDoesNotMatch',
    });
    expect(entry.signatureMismatch?.canonicalRequest).toBe(onTheWire.replace(flow.keys.sessionToken, '<redacted>'));
    const hash = createHash('sha256').update(onTheWire).digest('hex');
    expect(entry.signatureMismatch?.stringToSign.endsWith(`\n${hash}`)).toBe(true);
  });

  it('filters by caller, role, decision, service, status, since, request id and limit, newest first', async () => {
    await flow.get('/hello');
    await flow.get('/private');
    await flow.clients.iam.send(new ListRolesCommand({}));
    const all = await requestLog(emulator, '?limit=10000');
    expect(all.length).toBeGreaterThan(20);
    const seqs = all.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(all.some((entry) => entry.path.startsWith('/_idpool/'))).toBe(false);

    const byCaller = await requestLog(
      emulator,
      `?limit=10000&caller=${encodeURIComponent(flow.names.authenticatedRole.toUpperCase())}`,
    );
    expect(byCaller.length).toBeGreaterThanOrEqual(3);
    expect(byCaller.every((entry) => entry.caller?.arn === roleArn)).toBe(true);
    expect(await requestLog(emulator, `?limit=10000&caller=${encodeURIComponent(roleArn)}`)).toEqual(byCaller);

    const role = (await flow.clients.iam.send(new GetRoleCommand({ RoleName: flow.names.authenticatedRole }))).Role;
    expect(await requestLog(emulator, `?limit=10000&role=${role?.RoleId}`)).toEqual(byCaller);
    expect(await requestLog(emulator, `?limit=10000&role=${flow.names.authenticatedRole}`)).toEqual(byCaller);

    const implicit = await requestLog(emulator, '?limit=10000&decision=implicit-deny');
    expect(implicit.length).toBeGreaterThan(0);
    expect(implicit.every((entry) => entry.decision === 'implicit-deny')).toBe(true);
    const denied = await requestLog(emulator, '?limit=10000&decision=denied');
    expect(new Set(denied.map((entry) => entry.decision))).toEqual(new Set(['implicit-deny', 'explicit-deny']));
    const rootOrUnsigned = await requestLog(emulator, '?limit=10000&decision=root,unsigned');
    expect(new Set(rootOrUnsigned.map((entry) => entry.decision))).toEqual(new Set(['root', 'unsigned']));

    const iam = await requestLog(emulator, '?limit=10000&service=iam');
    expect(iam.length).toBeGreaterThan(0);
    expect(iam.every((entry) => entry.service === 'iam')).toBe(true);
    const forbidden = await requestLog(emulator, '?limit=10000&status=403');
    expect(forbidden.length).toBeGreaterThan(2);
    expect(forbidden.every((entry) => entry.status === 403)).toBe(true);
    const clientErrors = await requestLog(emulator, '?limit=10000&status=4xx');
    expect(clientErrors.every((entry) => entry.status >= 400 && entry.status < 500)).toBe(true);
    expect(clientErrors.length).toBeGreaterThanOrEqual(forbidden.length);

    const middle = all[Math.floor(all.length / 2)] as RequestLogEntry;
    const since = await requestLog(emulator, `?limit=10000&since=${encodeURIComponent(middle.time)}`);
    expect(since.every((entry) => entry.time >= middle.time)).toBe(true);
    expect(since.length).toBeLessThan(all.length);
    expect(await requestLog(emulator, `?since=${Date.parse(middle.time)}&limit=10000`)).toEqual(since);
    expect(await requestLog(emulator, `?requestId=${middle.requestId}`)).toEqual([middle]);
    const now = await requestLog(emulator, '?limit=10000');
    expect(await requestLog(emulator, '?limit=2')).toEqual(now.slice(0, 2));
    expect(await requestLog(emulator)).toHaveLength(Math.min(100, now.length));

    for (const bad of ['decision=maybe', 'status=abc', 'since=yesterday', 'limit=0']) {
      const response = await fetch(`${emulator.url}/_idpool/requests?${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    }
  });

  it('never holds a secret key, session token or token', async () => {
    const text = await (await fetch(`${emulator.url}/_idpool/requests?limit=10000`)).text();
    expect(text).toContain(flow.keys.accessKeyId);
    for (const secret of [
      flow.keys.secretAccessKey,
      flow.keys.sessionToken,
      flow.token,
      flow.token.split('.')[2] as string,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('Signature=');
  });
});

describe('the request log bound', () => {
  let emulator: RunningEmulator;
  let small: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'warn' });
    small = await startEmulator({ port: 0, logLevel: 'warn', requestLogSize: 5 });
  });
  afterAll(async () => {
    await emulator?.stop();
    await small?.stop();
  });

  it('keeps the last 10,000 requests: the 10,001st evicts the oldest', async () => {
    // 10,001 requests over HTTP take seconds on a loaded machine: the first ones are real, the rest recorded directly.
    for (let index = 0; index < 3; index++) await fetch(`${emulator.url}/no-such-route-${index}`);
    const [first] = await requestLog(emulator, '?limit=1&since=0');
    const requests = emulator.runtime.requests;
    const context = {
      requestId: 'r',
      now: new Date(),
      sourceIp: '127.0.0.1',
      userAgent: 'ua',
      region: 'us-east-1',
      accountId: '0',
    };
    const response = { status: 404, headers: {}, body: '' };
    for (let index = 3; index < 10_000; index++) {
      requests.record({ method: 'GET', path: `/recorded-${index}`, context } as never, response, 0.1);
    }
    let log = (await (await fetch(`${emulator.url}/_idpool/requests?limit=20000`)).json()) as {
      capacity: number;
      held: number;
      entries: RequestLogEntry[];
    };
    expect(log).toMatchObject({ capacity: 10_000, held: 10_000 });
    expect(log.entries.at(-1)?.path).toBe('/no-such-route-0');
    expect(first?.path).toBe('/no-such-route-2');

    await fetch(`${emulator.url}/no-such-route-10000`);
    log = (await (await fetch(`${emulator.url}/_idpool/requests?limit=20000`)).json()) as typeof log;
    expect(log.held).toBe(10_000);
    expect(log.entries).toHaveLength(10_000);
    expect(log.entries[0]).toMatchObject({ seq: 10_001, path: '/no-such-route-10000', status: 404 });
    expect(log.entries.at(-1)).toMatchObject({ seq: 2, path: '/no-such-route-1' });
  });

  it('is as long as requestLogSize says, and DELETE empties it', async () => {
    for (let index = 0; index < 6; index++) await fetch(`${small.url}/no-such-route-${index}`);
    const paths = (await requestLog(small, '?limit=100')).map((entry) => entry.path);
    expect(paths).toEqual([5, 4, 3, 2, 1].map((index) => `/no-such-route-${index}`));
    expect((await fetch(`${small.url}/_idpool/requests`, { method: 'DELETE' })).status).toBe(200);
    expect(await requestLog(small)).toEqual([]);
  });
});
