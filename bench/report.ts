import { cpus } from 'node:os';
import type { LoadResult } from './http-load.js';
import type { LambdaInvokeCosts } from './lambda-invoke.js';
import type { RoleOverheadRow } from './role-overhead.js';
import type { ScaleRow } from './scale.js';
import { executeApiCallName, type RsaFloor, type ServerCpuRow } from './server-cpu.js';

export interface LoadRow extends LoadResult {
  name: string;
  target: string;
  concurrency: number;
}

export interface BenchReport {
  date: string;
  node: string;
  quick: boolean;
  coldStart: { serveMs: number[]; inProcessMs: number[] };
  idleRssMiB?: number;
  rssAfterLoadMiB?: number;
  rssAfterFlowsMiB?: number;
  lambda?: LambdaInvokeCosts;
  contractSuite?: { totalSeconds: number; line: string }[];
  loads: LoadRow[];
  /** Server CPU per call, idpool's and moto's (bench/server-cpu.ts). */
  serverCpu: ServerCpuRow[];
  /** CPU of one RS512 signature and verification in the bench process during the run: the token calls' floors. */
  rsaFloor?: RsaFloor;
  /** Written into BENCHMARKS.md as it is (e.g. that the machine was shared during the run). */
  machineNote?: string;
  scale: ScaleRow[];
  /** Issue 10: the same call with root keys and with an allowed Cognito role session. */
  roleOverhead?: RoleOverheadRow[];
  notes: string[];
  totalSeconds?: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
}

/** The issues' throughput targets on a 2-core machine, and ≥ 5× moto where moto has the call. */
const targets: [string, string][] = [
  ['GetOpenIdTokenForDeveloperIdentity', '≥ 2,500/s, ≥ 5× moto'],
  ['GetCredentialsForIdentity', '≥ 4,000/s, ≥ 5× moto'],
  ['full seed flow', '≥ 800/s'],
];

const whole = (value: number) => Math.round(value).toLocaleString('en-US');

/** The issue's server CPU goals (issue 14), on a 2-core machine, and the cryptography each call cannot skip. */
const cpuTargets: [string, number, (floor: RsaFloor | undefined) => number | undefined, string][] = [
  ['GetOpenIdTokenForDeveloperIdentity', 350, (floor) => floor?.signMicros, 'one RS512 signature'],
  // The login tokens were signed by this server, which knows them: no RSA verification (auth/openid-tokens.ts).
  ['GetCredentialsForIdentity', 150, () => 0, 'no RSA (a token this server signed)'],
  [executeApiCallName, 300, () => 0, 'no RSA (SigV4 is HMAC)'],
];

interface CallFloor {
  micros?: number;
  text: string;
}

/** What bounds a call from below here: the bare node:http copy of it, plus its RS512 work. */
function callFloor(report: BenchReport, name: string): CallFloor | undefined {
  const target = cpuTargets.find(([prefix]) => name.startsWith(prefix));
  if (!target) return undefined;
  const http = report.serverCpu.find((row) => row.target === 'node:http' && row.name === name)?.micros;
  const crypto = target[2](report.rsaFloor);
  const httpPart = http === undefined ? [] : [`node:http ${whole(http)} µs`];
  const parts = crypto ? [...httpPart, `${target[3]} ${whole(crypto)} µs`] : [...httpPart, `${target[3]}`];
  const micros = http === undefined || crypto === undefined ? undefined : http + crypto;
  const sum = micros === undefined ? '' : `${whole(micros)} µs: `;
  return { micros, text: `${sum}${crypto ? parts.join(' + ') : parts.join(', ')}` };
}

function serverCpuLines(report: BenchReport): string[] {
  const rows = report.serverCpu.filter((row) => row.target === 'idpool');
  if (rows.length === 0) return [];
  const lines = [
    '',
    '## Server CPU per call',
    '',
    'What the server process spends per call (all its threads, user + system, from `/proc/<pid>/stat`), one client',
    'sending the call again and again on a keep-alive connection (`npm run build && node dist/bench/server-cpu.js`',
    "alone). A Lambda's own worker process is not counted. It moves far less than calls per second when the",
    'machine is busy with other work.',
    '',
    "Each call's floor is measured in the same run: a bare node:http server in its own process",
    "(`bench/bare-http-server.ts`) reads the same request and answers a copy of idpool's answer (same headers and",
    "body, one write), timed the same way; to it is added the call's RS512 work, timed in the bench process. What",
    'idpool spends above the floor is its own work: routing, SigV4, parsing, the store, policies.',
    '',
    '| call | idpool | goal (issue 14) | its floor here | idpool above its floor | moto | moto ÷ idpool |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const overGoal: string[] = [];
  for (const row of rows) {
    const moto = report.serverCpu.find((other) => other.target === 'moto' && other.name === row.name);
    const target = cpuTargets.find(([prefix]) => row.name.startsWith(prefix));
    const goal = target ? `≤ ${whole(target[1])} µs` : '';
    const floor = callFloor(report, row.name);
    const above = floor?.micros === undefined ? '—' : `${whole(row.micros - floor.micros)} µs`;
    const motoMicros = moto ? `${whole(moto.micros)} µs` : '—';
    const ratio = moto ? `${(moto.micros / row.micros).toFixed(1)}×` : '—';
    const idpool = `${whole(row.micros)} µs`;
    lines.push(`| ${row.name} | ${idpool} | ${goal} | ${floor?.text ?? ''} | ${above} | ${motoMicros} | ${ratio} |`);
    if (target && floor?.micros !== undefined && floor.micros > target[1]) {
      overGoal.push(`${row.name}: floor ${whole(floor.micros)} µs, goal ${whole(target[1])} µs`);
    }
  }
  if (overGoal.length > 0) {
    lines.push(
      '',
      'On this machine, now, the floor itself is above the goal (no node:http server making the same RS512 call can',
      `meet it here): ${overGoal.join('; ')}.`,
    );
  }
  return lines;
}

function roleOverheadLines(report: BenchReport): string[] {
  const rows = report.roleOverhead ?? [];
  if (rows.length === 0) return [];
  const micros = (value: number | undefined) => (value === undefined ? '—' : `${whole(value)} µs`);
  const lines = [
    '',
    '## Authorization cost: root keys vs a role session (issue 10)',
    '',
    'The same call on `idpool up`, signed with the root keys and with the credentials of a Cognito identity whose role',
    "allows it (session lookup, SigV4 verified, the role's policies evaluated), alternating on one keep-alive",
    'connection (`bench/role-overhead.ts`, part of `npm run bench`). Target: the session costs at most ~0.1 ms more.',
    '',
    '| call | calls each | root p50 | role session p50 | difference | server CPU root / session |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const difference =
      `${row.sessionP50Ms >= row.rootP50Ms ? '+' : ''}` + `${(row.sessionP50Ms - row.rootP50Ms).toFixed(3)} ms`;
    const cpu = `${micros(row.rootCpuMicros)} / ${micros(row.sessionCpuMicros)}`;
    lines.push(
      `| ${row.call} | ${whole(row.calls)} | ${row.rootP50Ms.toFixed(3)} ms | ` +
        `${row.sessionP50Ms.toFixed(3)} ms | ${difference} | ${cpu} |`,
    );
  }
  return lines;
}

/** The sections of BENCHMARKS.md measured by other means (`<!-- kept … -->` to `<!-- /kept -->`), carried over. */
export function keptSections(markdown: string): string {
  const kept = markdown.match(/<!-- kept[\s\S]*?<!-- \/kept -->\n/g) ?? [];
  return kept.map((section) => `\n${section}`).join('');
}

/** BENCHMARKS.md: the measured tables, the machine, and the command that produced them. */
export function renderBenchmarks(report: BenchReport): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${report.node}`;
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${report.date.slice(0, 10)} on ${machine} with \`npm run bench${report.quick ? ' -- --quick' : ''}\``,
    '(client and server on the same machine; the server is `idpool serve` in its own process, the load generator a',
    'closed loop of N clients over keep-alive connections; raw numbers in `bench/results.json`).',
    ...(report.machineNote ? ['', report.machineNote] : []),
    '',
    '## Cold start to the first successful call',
    '',
    '| how | median | runs (ms) | target |',
    '| --- | --- | --- | --- |',
    `| \`idpool serve\` (spawn → first signed ListIdentityPools answered) | ` +
      `${whole(median(report.coldStart.serveMs))} ms | ${report.coldStart.serveMs.map(whole).join(', ')} | ` +
      '≤ 120 ms (issue 14) |',
    `| in-process \`startEmulator()\` (node start → first call answered) | ` +
      `${whole(median(report.coldStart.inProcessMs))} ms | ` +
      `${report.coldStart.inProcessMs.map(whole).join(', ')} | |`,
    '',
    '## Calls per second and latency',
    '',
    '| call | clients | idpool per second | p50 | p99 | moto per second | idpool ÷ moto | target (2 cores) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of report.loads.filter((load) => load.target === 'idpool')) {
    const moto = report.loads.find(
      (load) => load.target === 'moto' && load.name === row.name && load.concurrency === row.concurrency,
    );
    const failed = row.failures > 0 ? ` (${row.failures} failed)` : '';
    lines.push(
      `| ${row.name} | ${row.concurrency} | ${whole(row.callsPerSecond)}${failed} | ${row.p50Ms.toFixed(2)} ms ` +
        `| ${row.p99Ms.toFixed(2)} ms | ${moto ? whole(moto.callsPerSecond) : '—'} | ` +
        `${moto ? `${(row.callsPerSecond / moto.callsPerSecond).toFixed(1)}×` : '—'} | ` +
        `${row.concurrency > 1 ? (targets.find(([prefix]) => row.name.startsWith(prefix))?.[1] ?? '') : ''} |`,
    );
  }
  lines.push(...serverCpuLines(report), ...roleOverheadLines(report));
  if (report.contractSuite && report.contractSuite.length > 0) {
    const totals = report.contractSuite.map((run) => run.totalSeconds);
    lines.push(
      '',
      '## The contract suite on the embedded target',
      '',
      `\`idpool contracts run\` (emulator start, provisioning, every contract, teardown), ` +
        `${totals.length} runs: median ${median(totals).toFixed(2)} s (target < 3 s).`,
      `Its last line: \`${report.contractSuite.at(-1)?.line}\``,
    );
  }
  if (report.lambda) {
    const cost = (label: string, d: LambdaInvokeCosts['coldStart']) =>
      `| ${label} | ${d.medianMs.toFixed(3)} ms | ${d.p90Ms.toFixed(3)} ms | ${d.p99Ms.toFixed(3)} ms | ${d.runs} |`;
    lines.push(
      '',
      '## Lambda invocations',
      '',
      'A function echoing its event, in-process emulator (`npm run build && node dist/bench/lambda-invoke.js` alone).',
      '',
      '| what | median | p90 | p99 | runs |',
      '| --- | --- | --- | --- | --- |',
      cost('cold start: fork, bootstrap, import, first invoke', report.lambda.coldStart),
      cost('warm invoke (`runtime.lambda.invoke`: lookup, pool, IPC both ways, handler)', report.lambda.warmInProcess),
      cost('bare IPC round trip it is built on (advanced serialization)', report.lambda.bareIpcAdvanced),
      cost('Invoke over HTTP (SigV4, restJson1, invoke)', report.lambda.invokeOverHttp),
      cost('GetFunctionConfiguration over HTTP (same path, no invoke)', report.lambda.configurationOverHttp),
    );
  }
  if (report.scale.length > 0) {
    lines.push(
      '',
      '## A pool of 1,000 vs 1,000,000 developer identities',
      '',
      'Seeded on disk with `idpool seed identities --data-dir DIR --count N`, served with `idpool serve ' +
        '--data-dir DIR`;',
      'one client, a random existing developer user per call.',
      '',
      '| identities | seed | GetOpenIdTokenForDeveloperIdentity p50 / p99 | LookupDeveloperIdentity p50 / p99 ' +
        '| ListIdentities through all | server RSS |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const row of report.scale) {
      const listed =
        row.listAllSeconds === undefined
          ? '—'
          : `${row.listedIdentities?.toLocaleString('en-US')} in ${row.listAllSeconds.toFixed(1)} s`;
      lines.push(
        `| ${row.identities.toLocaleString('en-US')} | ${row.seedSeconds.toFixed(1)} s | ` +
          `${row.tokenP50Ms.toFixed(2)} / ${row.tokenP99Ms.toFixed(2)} ms | ${row.lookupP50Ms.toFixed(2)} / ` +
          `${row.lookupP99Ms.toFixed(2)} ms | ${listed} | ${row.rssMiB.toFixed(0)} MiB |`,
      );
    }
    const [small, large] = report.scale;
    if (small && large)
      lines.push(
        '',
        `Token p50 at ${large.identities.toLocaleString('en-US')} ÷ at ` +
          `${small.identities.toLocaleString('en-US')}: ${(large.tokenP50Ms / small.tokenP50Ms).toFixed(2)}× ` +
          `(target ≤ 1.5×); lookup: ${(large.lookupP50Ms / small.lookupP50Ms).toFixed(2)}×.`,
      );
  }
  lines.push('', '## Memory', '', '| when | RSS | target |', '| --- | --- | --- |');
  if (report.idleRssMiB !== undefined) {
    const megabytes = (report.idleRssMiB * 1.048576).toFixed(1);
    lines.push(
      `| \`idpool serve\` idle after start | ${report.idleRssMiB.toFixed(1)} MiB (${megabytes} MB) | ` +
        '≤ 60 MB (issue 14) |',
    );
  }
  if (report.rssAfterLoadMiB !== undefined)
    lines.push(`| after the Cognito loads above | ${report.rssAfterLoadMiB.toFixed(0)} MiB | |`);
  if (report.rssAfterFlowsMiB !== undefined)
    lines.push(
      `| \`idpool up\` after the full-flow loads (Lambda workers not counted) | ` +
        `${report.rssAfterFlowsMiB.toFixed(0)} MiB | |`,
    );
  if (report.notes.length > 0) lines.push('', '## Notes', '', ...report.notes.map((note) => `- ${note}`));
  lines.push('', `The whole run took ${whole(report.totalSeconds ?? 0)} s.`, '');
  return lines.join('\n');
}
