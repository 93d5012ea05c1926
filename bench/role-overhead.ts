import { Agent } from 'node:http';
import { PutRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import aws4 from 'aws4';
import { cognitoRequest, signedGet, type Keys } from './aws-requests.js';
import { benchCredentials, createBenchPool, developerProvider } from './cognito-setup.js';
import type { SeedStack } from './flow.js';
import { expectStatus, sender, type LoadRequest, type Sender } from './http-load.js';
import { processCpuMicros } from './server-cpu.js';
import type { ServerProcess } from './processes.js';

/**
 * Issue 10's cost of authorization: the same call signed with the root keys and with a Cognito role session whose
 * policy allows it. Root keys are the account's root (no policy evaluated; in the default lenient mode their
 * signature is not even verified), the session's call is authenticated (session lookup, SigV4 verified) and
 * authorized against the role's policies. Calls alternate root / session on one keep-alive connection, so both see
 * the same machine load.
 */
export interface RoleOverheadRow {
  call: string;
  calls: number;
  rootP50Ms: number;
  sessionP50Ms: number;
  /** Server CPU per call (all threads), when /proc is there. */
  rootCpuMicros?: number;
  sessionCpuMicros?: number;
}

/** The IAM awsQuery GetRole, as the SDK sends it. */
function getRoleRequest(endpoint: string, region: string, roleName: string, keys: Keys): LoadRequest {
  const url = new URL(endpoint);
  const body = `Action=GetRole&RoleName=${encodeURIComponent(roleName)}&Version=2010-05-08`;
  const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
  const signed = aws4.sign({ host: url.host, path: '/', method: 'POST', service: 'iam', region, headers, body }, keys);
  return { method: 'POST', url: endpoint, headers: signed.headers as Record<string, string>, body };
}

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Fresh signatures each 500 calls (they stay valid five minutes), so no request is older than a few seconds. */
async function compare(
  call: string,
  pid: number,
  send: Sender,
  make: (keys: Keys) => LoadRequest,
  keys: { root: Keys; session: Keys },
  check: (body: string) => void,
  calls: number,
): Promise<RoleOverheadRow> {
  const timings = { root: [] as number[], session: [] as number[] };
  const cpu = { root: 0, session: 0 };
  let requests = { root: make(keys.root), session: make(keys.session) };
  const warmup = Math.min(3_000, calls);
  for (let index = 0; index < warmup + calls; index++) {
    if (index % 500 === 0) requests = { root: make(keys.root), session: make(keys.session) };
    for (const kind of index % 2 === 0 ? (['root', 'session'] as const) : (['session', 'root'] as const)) {
      const cpuBefore = processCpuMicros(pid);
      const started = performance.now();
      const answer = await send(requests[kind]);
      const elapsed = performance.now() - started;
      const cpuAfter = processCpuMicros(pid);
      check(expectStatus(answer, 200, `${call} (${kind})`).body);
      if (index < warmup) continue;
      timings[kind].push(elapsed);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu[kind] += cpuAfter - cpuBefore;
    }
  }
  const measuredCpu = processCpuMicros(pid) !== undefined;
  return {
    call,
    calls,
    rootP50Ms: p50(timings.root),
    sessionP50Ms: p50(timings.session),
    rootCpuMicros: measuredCpu ? cpu.root / calls : undefined,
    sessionCpuMicros: measuredCpu ? cpu.session / calls : undefined,
  };
}

/** A pool whose role may call iam:GetRole on itself and execute-api:Invoke, and one identity's credentials. */
async function sessionKeys(server: ServerProcess, region: string): Promise<{ keys: Keys; roleName: string }> {
  const pool = await createBenchPool(server.url, region, true);
  const roleName = pool.roleArn.slice(pool.roleArn.lastIndexOf('/') + 1);
  const iam = new IAMClient({ endpoint: server.url, region, credentials: benchCredentials, maxAttempts: 1 });
  const document = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: pool.roleArn }],
  };
  await iam.send(
    new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'get-role', PolicyDocument: JSON.stringify(document) }),
  );
  iam.destroy();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = sender(agent);
  try {
    const input = { IdentityPoolId: pool.identityPoolId, Logins: { [developerProvider]: 'overhead-user' } };
    const tokenAnswer = await send(
      cognitoRequest(server.url, region, 'GetOpenIdTokenForDeveloperIdentity', input, benchCredentials),
    );
    const token = JSON.parse(expectStatus(tokenAnswer, 200, 'token').body) as { IdentityId: string; Token: string };
    const logins = { 'cognito-identity.amazonaws.com': token.Token };
    const answer = await send(
      cognitoRequest(server.url, region, 'GetCredentialsForIdentity', { IdentityId: token.IdentityId, Logins: logins }),
    );
    const { Credentials } = JSON.parse(expectStatus(answer, 200, 'credentials').body) as {
      Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string };
    };
    const keys = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretKey,
      sessionToken: Credentials.SessionToken,
    };
    return { keys, roleName };
  } finally {
    agent.destroy();
  }
}

/** iam GetRole and the seed stack's signed GET /hello, root keys vs an allowed Cognito role session. */
export async function roleOverheadRows(
  server: ServerProcess,
  stack: SeedStack,
  quick: boolean,
): Promise<RoleOverheadRow[]> {
  const pid = server.child.pid as number;
  const calls = quick ? 1_000 : 4_000;
  const { keys, roleName } = await sessionKeys(server, stack.region);
  const both = { root: benchCredentials, session: keys };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = sender(agent);
  try {
    const getRole = await compare(
      'iam GetRole',
      pid,
      send,
      (signer) => getRoleRequest(server.url, stack.region, roleName, signer),
      both,
      (body) => {
        if (!body.includes(`<RoleName>${roleName}</RoleName>`))
          throw new Error(`unexpected GetRole answer: ${body.slice(0, 200)}`);
      },
      calls,
    );
    const api = new URL(`${stack.apiUrl}/hello`);
    const endpoint = new URL(stack.endpoint);
    const connectTo = `${endpoint.protocol}//${endpoint.host}${api.pathname}`;
    const hello = await compare(
      'signed GET /hello (execute-api, AWS_IAM, warm Lambda)',
      pid,
      send,
      (signer) => signedGet(connectTo, stack.region, signer, api.host),
      both,
      (body) => {
        if (!body.includes('Hello user')) throw new Error(`unexpected answer: ${body.slice(0, 200)}`);
      },
      calls,
    );
    return [getRole, hello];
  } finally {
    agent.destroy();
  }
}
