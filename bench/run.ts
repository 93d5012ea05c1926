import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { packageRoot } from '../emulator/package-root.js';
import { cognitoRequest, SignedRequestCache } from './aws-requests.js';
import { inProcessColdStartMs, serveColdStartMs } from './cold-start.js';
import { benchCredentials, createBenchPool, developerProvider, developerTokens } from './cognito-setup.js';
import { expectStatus, runLoad, type LoadResult } from './http-load.js';
import { cliPath, rssMiB, spawnIdpool, spawnMoto, type ServerProcess } from './processes.js';
import { consoleLines, measureConsoleAtScale } from './console-pages.js';
import { measureAtScale } from './scale.js';
import { seedFlowWork, spawnSeedStack } from './flow.js';
import { measureLambdaInvokeCosts } from './lambda-invoke.js';
import { roleOverheadRows } from './role-overhead.js';
import {
  cognitoCpuRows,
  executeApiCpuRow,
  httpFloorRows,
  rsaFloor,
  type CallSample,
  type ServerCpuRow,
} from './server-cpu.js';
import { keptSections, median, renderBenchmarks, type BenchReport, type LoadRow } from './report.js';

// The SDK clients used for setup warn that Node 20 support ends in 2027; it is noise in the bench output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const quick = process.argv.includes('--quick');
const loadMs = quick ? 1_500 : 5_000;
const region = 'us-east-1';
const users = 1_000;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function sayCpu(rows: ServerCpuRow[]): ServerCpuRow[] {
  for (const row of rows) {
    say(`▸ server CPU per call, ${row.name} on ${row.target}: ${Math.round(row.micros)} µs (${row.calls} calls)`);
  }
  return rows;
}

async function measure(
  name: string,
  target: string,
  concurrency: number,
  work: Parameters<typeof runLoad>[0]['work'],
): Promise<LoadRow> {
  process.stdout.write(`▸ ${name} on ${target}, ${concurrency} client${concurrency > 1 ? 's' : ''}… `);
  const result: LoadResult = await runLoad({ concurrency, durationMs: loadMs, work });
  say(
    `${Math.round(result.callsPerSecond)}/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms` +
      `${result.failures ? `, ${result.failures} failed (${result.firstFailure})` : ''}`,
  );
  return { name, target, concurrency, ...result };
}

/** GetOpenIdTokenForDeveloperIdentity and GetCredentialsForIdentity against one server. */
async function cognitoCalls(server: ServerProcess, target: string, verifiesTrust: boolean): Promise<LoadRow[]> {
  const pool = await createBenchPool(server.url, region, verifiesTrust);
  const tokenRequests = new SignedRequestCache((user) =>
    cognitoRequest(
      server.url,
      region,
      'GetOpenIdTokenForDeveloperIdentity',
      { IdentityPoolId: pool.identityPoolId, Logins: { [developerProvider]: user } },
      benchCredentials,
    ),
  );
  const tokens = await developerTokens(server.url, region, pool.identityPoolId, quick ? 200 : users);
  const credentialRequests = tokens.map((token) =>
    cognitoRequest(server.url, region, 'GetCredentialsForIdentity', {
      IdentityId: token.IdentityId,
      Logins: { 'cognito-identity.amazonaws.com': token.Token },
    }),
  );
  const rows: LoadRow[] = [];
  for (const concurrency of [1, 16]) {
    rows.push(
      await measure('GetOpenIdTokenForDeveloperIdentity', target, concurrency, async (client, iteration, send) => {
        expectStatus(await send(tokenRequests.get(`user-${(client * 7919 + iteration) % users}`)), 200, 'token');
      }),
    );
  }
  for (const concurrency of [1, 16]) {
    rows.push(
      await measure('GetCredentialsForIdentity', target, concurrency, async (client, iteration, send) => {
        expectStatus(
          await send(credentialRequests[(client * 7919 + iteration) % credentialRequests.length] as never),
          200,
          'credentials',
        );
      }),
    );
  }
  return rows;
}

/** `idpool contracts run` on the embedded target, each run's own timing line (emulator start to teardown). */
function contractSuiteTimes(runs: number): { totalSeconds: number; line: string }[] {
  return Array.from({ length: runs }, () => {
    const output = execFileSync(process.execPath, [cliPath, 'contracts', 'run'], { encoding: 'utf8' });
    const line = output.trim().split('\n').at(-1) as string;
    return { totalSeconds: Number(/total ([\d.]+) s/.exec(line)?.[1]), line };
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] as number;
  say(`idpool benchmarks${quick ? ' (--quick)' : ''}: ${loadMs / 1000} s per load point, Node ${process.version}`);
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    quick,
    coldStart: { serveMs: [], inProcessMs: [] },
    loads: [],
    serverCpu: [],
    scale: [],
    notes: [],
  };

  for (let run = 0; run < (quick ? 3 : 7); run++) {
    const serve = await serveColdStartMs();
    const inProcess = await inProcessColdStartMs();
    report.coldStart.serveMs.push(serve.firstCallMs);
    report.coldStart.inProcessMs.push(inProcess);
  }
  say(
    `▸ cold start to first successful call: idpool serve ${median(report.coldStart.serveMs).toFixed(0)} ms, ` +
      `in-process ${median(report.coldStart.inProcessMs).toFixed(0)} ms (median)`,
  );

  const samples: CallSample[] = [];
  const idpool = await spawnIdpool();
  report.idleRssMiB = rssMiB(idpool.child.pid as number);
  say(`▸ idle RSS of idpool serve: ${report.idleRssMiB.toFixed(0)} MiB`);
  try {
    report.loads.push(...(await cognitoCalls(idpool, 'idpool', true)));
    report.rssAfterLoadMiB = rssMiB(idpool.child.pid as number);
    report.serverCpu.push(...sayCpu(await cognitoCpuRows(idpool, 'idpool', quick, region, samples)));
  } finally {
    await idpool.stop();
  }

  const { server: up, stack } = await spawnSeedStack();
  try {
    for (const concurrency of [1, 16])
      report.loads.push(
        await measure(
          'full seed flow (token → credentials → signed GET → Lambda)',
          'idpool',
          concurrency,
          seedFlowWork(stack),
        ),
      );
    report.rssAfterFlowsMiB = rssMiB(up.child.pid as number);
    const executeApi = await executeApiCpuRow(up, stack, quick, samples);
    if (executeApi) report.serverCpu.push(...sayCpu([executeApi]));
    report.roleOverhead = await roleOverheadRows(up, stack, quick);
    for (const row of report.roleOverhead) {
      const extra = row.sessionP50Ms - row.rootP50Ms;
      const difference = `${extra >= 0 ? '+' : ''}${extra.toFixed(3)} ms`;
      say(
        `▸ ${row.call}: p50 root ${row.rootP50Ms.toFixed(3)} ms, ` +
          `role session ${row.sessionP50Ms.toFixed(3)} ms (${difference})`,
      );
    }
  } finally {
    await up.stop();
  }
  report.contractSuite = contractSuiteTimes(quick ? 2 : 5);
  say(`▸ idpool contracts run on the embedded target: ${report.contractSuite.map((run) => run.line).at(-1)}`);

  say('▸ Lambda invocation costs');
  report.lambda = await measureLambdaInvokeCosts(quick);

  const moto = await spawnMoto().catch((error: unknown) => {
    report.notes.push(`moto not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  });
  if (moto) {
    try {
      report.loads.push(...(await cognitoCalls(moto, 'moto', false)));
      report.serverCpu.push(...sayCpu(await cognitoCpuRows(moto, 'moto', quick)));
    } finally {
      await moto.stop();
    }
  }

  report.serverCpu.push(...sayCpu(await httpFloorRows(samples, quick)));
  report.rsaFloor = await rsaFloor(quick);
  const [signed, verified] = [report.rsaFloor.signMicros, report.rsaFloor.verifyMicros].map(Math.round);
  say(`▸ RS512 in the bench process (the token calls' floors): sign ${signed} µs, verify ${verified} µs of CPU`);
  if (!report.serverCpu.some((row) => row.target === 'idpool')) {
    report.notes.push('Server CPU per call not measured: it is read from /proc/<pid>/stat (Linux).');
  }

  for (const identities of [1_000, quick ? 100_000 : 1_000_000]) {
    process.stdout.write(`▸ pool of ${identities.toLocaleString('en-US')} developer identities (seeded on disk)… `);
    const row = await measureAtScale(identities, quick ? 1_500 : 4_000, !quick || identities <= 100_000);
    report.scale.push(row);
    say(
      `token p50 ${row.tokenP50Ms.toFixed(2)} ms, lookup p50 ${row.lookupP50Ms.toFixed(2)} ms, ` +
        `RSS ${row.rssMiB.toFixed(0)} MiB`,
    );
  }

  const consoleIdentities = quick ? 100_000 : 1_000_000;
  for (const line of consoleLines(consoleIdentities, await measureConsoleAtScale(consoleIdentities, quick ? 5 : 20))) {
    say(line);
  }

  report.totalSeconds = (performance.now() - started) / 1000;
  const load = Math.max(loadAtStart, loadavg()[0] as number);
  if (load > cpus().length) {
    report.machineNote =
      `The machine was shared and loaded during this run (load average up to ${load.toFixed(1)} on ${cpus().length} ` +
      'cores at its start or end): wall-clock numbers (calls per second, latency, cold start) read worse than on a ' +
      'quiet machine; server CPU per call moves less.';
  }
  writeFileSync(`${packageRoot}/bench/results.json`, `${JSON.stringify(report, null, 2)}\n`);
  const benchmarksFile = `${packageRoot}/BENCHMARKS.md`;
  const previous = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '';
  writeFileSync(benchmarksFile, `${renderBenchmarks(report)}${keptSections(previous)}`);
  say(`wrote BENCHMARKS.md and bench/results.json in ${report.totalSeconds.toFixed(0)} s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
