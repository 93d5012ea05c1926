import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { IAMClient } from '@aws-sdk/client-iam';
import aws4 from 'aws4';
import { strToU8, zipSync } from 'fflate';
import { pathToFileURL } from 'node:url';
import { startEmulator, type RunningEmulator } from '../emulator/testing.js';

/**
 * What a Lambda invocation costs in idpool, printed (not asserted): cold start, warm invoke in process and over
 * HTTP, and the bare IPC round trip a warm invoke is built on. Run:
 * `npm run build && node dist/bench/lambda-invoke.js`.
 */
const keys = { accessKeyId: 'test', secretAccessKey: 'test' };

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export interface Distribution {
  medianMs: number;
  p90Ms: number;
  p99Ms: number;
  runs: number;
}

export interface LambdaInvokeCosts {
  coldStart: Distribution;
  warmInProcess: Distribution;
  bareIpcAdvanced: Distribution;
  bareIpcJson: Distribution;
  invokeOverHttp: Distribution;
  configurationOverHttp: Distribution;
}

function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { medianMs: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), runs: samples.length };
}

function stats(samples: number[]): string {
  const { medianMs, p90Ms, p99Ms, runs } = distribution(samples);
  return `median ${medianMs.toFixed(3)} ms, p90 ${p90Ms.toFixed(3)} ms, p99 ${p99Ms.toFixed(3)} ms (n=${runs})`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function deploy(emulator: RunningEmulator, role: string, name: string): Promise<void> {
  const client = new LambdaClient({ endpoint: emulator.url, region: emulator.region, credentials: keys });
  const zip = zipSync({ 'index.mjs': strToU8('export const handler = async (event) => event;') });
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: zip },
    }),
  );
}

/** The floor under a warm invoke: one message to a child process and one back, nothing else. */
async function ipcRoundTrip(serialization: 'advanced' | 'json', payload: string, warmRuns: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'idpool-ipc-bench-'));
  const echo = join(dir, 'echo.mjs');
  writeFileSync(echo, "process.on('message', (m) => process.send({ t: 'done', body: m.event }));");
  const child = fork(echo, [], { serialization, execArgv: [] });
  const once = () => new Promise<void>((resolve) => child.once('message', () => resolve()));
  const samples: number[] = [];
  for (let run = 0; run < warmRuns; run++) {
    const reply = once();
    const started = performance.now();
    child.send({ t: 'invoke', id: 'x', event: payload, deadline: 0 });
    await reply;
    samples.push(performance.now() - started);
  }
  child.kill();
  rmSync(dir, { recursive: true, force: true });
  return samples;
}

/** Measures and prints each cost as it goes; `quick` takes fewer samples. */
export async function measureLambdaInvokeCosts(quick: boolean): Promise<LambdaInvokeCosts> {
  const warmRuns = quick ? 1_000 : 5_000;
  const coldRuns = quick ? 5 : 15;
  const emulator = await startEmulator({ port: 0, logLevel: 'warn' });
  try {
    const iam = new IAMClient({ endpoint: emulator.url, region: emulator.region, credentials: keys });
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'bench-role', AssumeRolePolicyDocument: trust })))
      .Role?.Arn as string;
    const lambda = emulator.runtime.lambda;
    const event = Buffer.from(JSON.stringify({ hello: 'world', n: 42 }));
    const call = (name: string) =>
      lambda.invoke(emulator.accountId, emulator.region, {
        functionName: name,
        payload: event,
        invocationType: 'RequestResponse',
      });

    const cold: number[] = [];
    for (let run = 0; run < coldRuns; run++) {
      await deploy(emulator, role, `cold-${run}`);
      cold.push(await timed(() => call(`cold-${run}`)));
    }
    say(`  Lambda cold start (fork + bootstrap + import handler + first invoke, in process): ${stats(cold)}`);

    await deploy(emulator, role, 'warm');
    await call('warm');
    const warm: number[] = [];
    for (let run = 0; run < warmRuns; run++) warm.push(await timed(() => call('warm')));
    say(`  warm invoke via runtime.lambda.invoke (lookup, pool, IPC both ways, handler): ${stats(warm)}`);

    const ipc = { advanced: [] as number[], json: [] as number[] };
    for (const serialization of ['advanced', 'json'] as const) {
      ipc[serialization] = await ipcRoundTrip(serialization, event.toString(), warmRuns);
      say(`  bare IPC round trip, ${serialization} serialization, same message: ${stats(ipc[serialization])}`);
    }

    const url = new URL(emulator.url);
    const signed = (path: string, method: string, body?: string) => {
      const request = aws4.sign(
        {
          host: url.host,
          path,
          method,
          body,
          service: 'lambda',
          region: emulator.region,
          headers: body ? { 'content-type': 'application/json' } : {},
        },
        keys,
      );
      return () =>
        fetch(`${emulator.url}${path}`, { method, headers: request.headers as Record<string, string>, body }).then(
          (response) => response.arrayBuffer(),
        );
    };
    const invokeHttp = signed('/2015-03-31/functions/warm/invocations', 'POST', event.toString());
    const configurationHttp = signed('/2015-03-31/functions/warm/configuration', 'GET');
    const httpRuns = Math.min(warmRuns, 2_000);
    for (let run = 0; run < 200; run++) {
      await invokeHttp();
      await configurationHttp();
    }
    const viaHttp: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < httpRuns; run++) {
      viaHttp.push(await timed(invokeHttp));
      baseline.push(await timed(configurationHttp));
    }
    say(`  Invoke over HTTP (SigV4 check, restJson1, invoke): ${stats(viaHttp)}`);
    say(`  GetFunctionConfiguration over HTTP (same path, no invoke), for comparison: ${stats(baseline)}`);
    return {
      coldStart: distribution(cold),
      warmInProcess: distribution(warm),
      bareIpcAdvanced: distribution(ipc.advanced),
      bareIpcJson: distribution(ipc.json),
      invokeOverHttp: distribution(viaHttp),
      configurationOverHttp: distribution(baseline),
    };
  } finally {
    await emulator.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  say(`idpool Lambda invoke costs, Node ${process.version}`);
  measureLambdaInvokeCosts(process.argv.includes('--quick')).catch((error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  });
}
