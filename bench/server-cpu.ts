import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cognitoRequest, signedGet, SignedRequestCache } from './aws-requests.js';
import { benchCredentials, createBenchPool, developerProvider, developerTokens } from './cognito-setup.js';
import { spawnSeedStack, type SeedStack } from './flow.js';
import { answerPath, type CannedAnswer } from './bare-http-server.js';
import { expectStatus, sender, type LoadRequest, type SentResponse, type Sender } from './http-load.js';
import { spawnIdpool, spawnMoto, spawnServer, type ServerProcess } from './processes.js';

/**
 * Server CPU per call: what the server process spends (every thread, user + system, as the kernel accounts it in
 * /proc/<pid>/stat) while one client sends the same kind of call one after another on a keep-alive connection.
 * Unlike calls per second it hardly moves when other processes load the machine, and it reads the same for any
 * server (moto too). Child processes (Lambda workers) are not counted: a Lambda's own time is excluded.
 */
export interface CpuPerCall {
  calls: number;
  /** Microseconds of server CPU per call. */
  micros: number;
  wallSeconds: number;
}

export interface ServerCpuRow extends CpuPerCall {
  name: string;
  target: string;
}

let ticksPerSecond: number | undefined;

/** The process's CPU time so far in microseconds, all threads, user + system; undefined where /proc is not. */
export function processCpuMicros(pid: number): number | undefined {
  if (!existsSync(`/proc/${pid}/stat`)) return undefined;
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14, 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond;
}

export interface CpuMeasureOptions {
  /**
   * Calls sent first and not counted (caches, connection, and the JIT: V8 goes on optimizing the hot path on its
   * background threads for the first few thousand calls, a one-time cost that a 1,000-call warm-up still counted
   * as up to a quarter of an execute-api call). What is counted is the steady state.
   */
  warmup: number;
  /** Calls are sent in batches until the server has used at least this much CPU (the clock ticks are 10 ms)… */
  minCpuMs: number;
  /** …or this many calls were counted. */
  maxCalls: number;
}

/**
 * Sends `call(i)` one after another and reads the server's CPU before and after the counted ones, then makes one
 * more call, not counted, with `last` true (to keep a sample of the call).
 */
export async function serverCpuPerCall(
  pid: number,
  call: (index: number, last: boolean) => Promise<void>,
  options: CpuMeasureOptions,
): Promise<CpuPerCall | undefined> {
  let index = 0;
  for (; index < options.warmup; index++) await call(index, false);
  const before = processCpuMicros(pid);
  if (before === undefined) return undefined;
  const started = performance.now();
  let calls = 0;
  let used = 0;
  while (used < options.minCpuMs * 1000 && calls < options.maxCalls) {
    for (let batch = 0; batch < 100; batch++, calls++, index++) await call(index, false);
    used = (processCpuMicros(pid) as number) - before;
  }
  await call(index, true);
  return { calls, micros: used / calls, wallSeconds: (performance.now() - started) / 1000 };
}

function measureOptions(quick: boolean): CpuMeasureOptions {
  return quick
    ? { warmup: 2_000, minCpuMs: 400, maxCalls: 4_000 }
    : { warmup: 5_000, minCpuMs: 2_000, maxCalls: 20_000 };
}

/** GetOpenIdTokenForDeveloperIdentity for a new developer user each call, then GetCredentialsForIdentity. */
export async function cognitoCpuRows(
  server: ServerProcess,
  target: string,
  quick: boolean,
  region = 'us-east-1',
  samples?: CallSample[],
): Promise<ServerCpuRow[]> {
  const pid = server.child.pid as number;
  const options = measureOptions(quick);
  const pool = await createBenchPool(server.url, region, target === 'idpool');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = sender(agent);
  const rows: ServerCpuRow[] = [];
  try {
    const runId = Date.now().toString(36);
    const tokenName = 'GetOpenIdTokenForDeveloperIdentity (new user)';
    const token = await serverCpuPerCall(
      pid,
      async (index, last) => {
        const input = { IdentityPoolId: pool.identityPoolId, Logins: { [developerProvider]: `cpu-${runId}-${index}` } };
        const request = cognitoRequest(
          server.url,
          region,
          'GetOpenIdTokenForDeveloperIdentity',
          input,
          benchCredentials,
        );
        const answer = expectStatus(await send(request), 200, 'token');
        if (last) samples?.push({ name: tokenName, request, answer });
      },
      options,
    );
    if (token) rows.push({ name: tokenName, target, ...token });
    const tokens = await developerTokens(server.url, region, pool.identityPoolId, quick ? 100 : 300);
    const requests = tokens.map((answer) =>
      cognitoRequest(server.url, region, 'GetCredentialsForIdentity', {
        IdentityId: answer.IdentityId,
        Logins: { 'cognito-identity.amazonaws.com': answer.Token },
      }),
    );
    const credentials = await serverCpuPerCall(
      pid,
      async (index, last) => {
        const request = requests[index % requests.length] as LoadRequest;
        const answer = expectStatus(await send(request), 200, 'credentials');
        if (last) samples?.push({ name: 'GetCredentialsForIdentity', request, answer });
      },
      options,
    );
    if (credentials) rows.push({ name: 'GetCredentialsForIdentity', target, ...credentials });
  } finally {
    agent.destroy();
  }
  return rows;
}

/** The seed stack's aws4-signed GET /hello (AWS_IAM, Lambda proxy), one identity's credentials, the Lambda warm. */
export async function executeApiCpuRow(
  server: ServerProcess,
  stack: SeedStack,
  quick: boolean,
  samples?: CallSample[],
): Promise<ServerCpuRow | undefined> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send: Sender = sender(agent);
  try {
    const login = { IdentityPoolId: stack.identityPoolId, Logins: { [stack.developerProviderName]: 'cpu-user' } };
    const tokenAnswer = await send(
      cognitoRequest(stack.endpoint, stack.region, 'GetOpenIdTokenForDeveloperIdentity', login, benchCredentials),
    );
    const token = JSON.parse(expectStatus(tokenAnswer, 200, 'token').body) as { IdentityId: string; Token: string };
    const answer = await send(
      cognitoRequest(stack.endpoint, stack.region, 'GetCredentialsForIdentity', {
        IdentityId: token.IdentityId,
        Logins: { 'cognito-identity.amazonaws.com': token.Token },
      }),
    );
    const { Credentials } = JSON.parse(expectStatus(answer, 200, 'credentials').body) as {
      Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string };
    };
    const keys = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretKey,
      sessionToken: Credentials.SessionToken,
    };
    const api = new URL(`${stack.apiUrl}/hello`);
    const endpoint = new URL(stack.endpoint);
    const connectTo = `${endpoint.protocol}//${endpoint.host}${api.pathname}`;
    const signed = new SignedRequestCache(() => signedGet(connectTo, stack.region, keys, api.host));
    const measured = await serverCpuPerCall(
      server.child.pid as number,
      async (_, last) => {
        const request = signed.get('hello');
        const hello = expectStatus(await send(request), 200, 'signed GET /hello');
        if (!hello.body.includes('Hello user')) throw new Error(`unexpected answer: ${hello.body.slice(0, 200)}`);
        if (last) samples?.push({ name: executeApiCallName, request, answer: hello });
      },
      measureOptions(quick),
    );
    return measured && { name: executeApiCallName, target: 'idpool', ...measured };
  } finally {
    agent.destroy();
  }
}

export const executeApiCallName = 'signed GET through a warm Lambda (execute-api, AWS_IAM)';

/**
 * The node:http floor of a call on this machine, now: a bare node:http server in its own process that reads the
 * request's body and answers with a copy of the emulator's answer (same status, headers and body, a fresh request
 * id, one write), timed by the same `serverCpuPerCall` with the same request. What a server costs above it is its own
 * work; the floor itself is Node's, and moves with the machine as much as the emulator's numbers do.
 */
export interface CallSample {
  /** The server CPU row's name the sample belongs to. */
  name: string;
  request: LoadRequest;
  answer: SentResponse;
}

/** Headers node:http writes itself; the copy leaves them to it. */
const ownHeaders = new Set(['connection', 'keep-alive', 'date', 'content-length', 'transfer-encoding']);

function cannedAnswer(answer: SentResponse): CannedAnswer {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !ownHeaders.has(name)) headers[name] = value;
  }
  return { status: answer.status, headers, body: answer.body };
}

/** One row per sample: the bare server's CPU per call for the same request and an answer like the sample's. */
export async function httpFloorRows(samples: CallSample[], quick: boolean): Promise<ServerCpuRow[]> {
  if (samples.length === 0) return [];
  const script = fileURLToPath(new URL('./bare-http-server.js', import.meta.url));
  const bare = await spawnServer(process.execPath, [script], /ready at (\S+)/);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = sender(agent);
  const rows: ServerCpuRow[] = [];
  try {
    for (const sample of samples) {
      const canned = JSON.stringify(cannedAnswer(sample.answer));
      const setup = { method: 'PUT', url: `${bare.url}${answerPath}`, headers: {}, body: canned };
      expectStatus(await send(setup), 204, 'bare node:http answer');
      const original = new URL(sample.request.url);
      const request = { ...sample.request, url: `${bare.url}${original.pathname}${original.search}` };
      const measured = await serverCpuPerCall(
        bare.child.pid as number,
        async () => {
          expectStatus(await send(request), sample.answer.status, `bare node:http copy of ${sample.name}`);
        },
        measureOptions(quick),
      );
      if (measured) rows.push({ name: sample.name, target: 'node:http', ...measured });
    }
  } finally {
    agent.destroy();
    await bare.stop();
  }
  return rows;
}

export interface RsaFloor {
  /** CPU of one RS512 signature as the emulator makes it: node:crypto, async on the thread pool. */
  signMicros: number;
  /** CPU of one RS512 verification (inline, as GetCredentialsForIdentity verifies a token signed elsewhere). */
  verifyMicros: number;
}

/**
 * The floors of the token calls on this machine, now: one RS512 signature and one verification of a token-sized
 * input with a 2048-bit key imported from its JWK, the calls emulator/auth/openid-tokens.ts makes (all threads'
 * CPU of this process, as the server's is counted).
 */
export async function rsaFloor(quick: boolean): Promise<RsaFloor> {
  const generated = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const privateKey = createPrivateKey({ key: generated as JsonWebKey, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  const input = Buffer.alloc(700, 'a');
  const runs = quick ? 300 : 1_000;
  const signOnce = () =>
    new Promise<Buffer>((resolve, reject) =>
      sign('sha512', input, privateKey, (error, signature) => (error ? reject(error) : resolve(signature))),
    );
  const signature = await signOnce();
  for (let run = 0; run < 50; run++) await signOnce();
  let before = process.cpuUsage();
  for (let run = 0; run < runs; run++) await signOnce();
  const signed = process.cpuUsage(before);
  for (let run = 0; run < 50; run++) verify('sha512', input, publicKey, signature);
  before = process.cpuUsage();
  for (let run = 0; run < runs; run++) verify('sha512', input, publicKey, signature);
  const verified = process.cpuUsage(before);
  return {
    signMicros: (signed.user + signed.system) / runs,
    verifyMicros: (verified.user + verified.system) / runs,
  };
}

/** Every CPU row for idpool, and moto's where it has the call. */
export async function measureServerCpu(
  quick: boolean,
  say: (line: string) => void,
  notes: string[] = [],
  withMoto = true,
): Promise<ServerCpuRow[]> {
  const rows: ServerCpuRow[] = [];
  const show = (row: ServerCpuRow) => {
    rows.push(row);
    say(`  ${row.target} ${row.name}: ${Math.round(row.micros)} µs of server CPU per call (${row.calls} calls)`);
  };
  const samples: CallSample[] = [];
  const idpool = await spawnIdpool();
  try {
    for (const row of await cognitoCpuRows(idpool, 'idpool', quick, undefined, samples)) show(row);
  } finally {
    await idpool.stop();
  }
  const { server, stack } = await spawnSeedStack();
  try {
    const flow = await executeApiCpuRow(server, stack, quick, samples);
    if (flow) show(flow);
  } finally {
    await server.stop();
  }
  for (const row of await httpFloorRows(samples, quick)) show(row);
  const moto = !withMoto
    ? undefined
    : await spawnMoto().catch((error: unknown) => {
        notes.push(`moto's CPU not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        return undefined;
      });
  if (moto) {
    try {
      for (const row of await cognitoCpuRows(moto, 'moto', quick)) show(row);
    } finally {
      await moto.stop();
    }
  }
  if (rows.length === 0) notes.push('Server CPU not measured: it is read from /proc/<pid>/stat (Linux only).');
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const notes: string[] = [];
  rsaFloor(true)
    .then((floor) => {
      const [signed, verified] = [floor.signMicros, floor.verifyMicros].map(Math.round);
      say(
        `idpool server CPU per call, Node ${process.version}; ` +
          `RS512 here: sign ${signed} µs, verify ${verified} µs`,
      );
      return measureServerCpu(process.argv.includes('--quick'), say, notes, !process.argv.includes('--no-moto'));
    })
    .then(() => {
      for (const note of notes) say(note);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
      process.exit(1);
    });
}
