import { cpus } from 'node:os';
import type { LoadResult } from './http-load.js';
import type { ScaleRow } from './scale.js';

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
  loads: LoadRow[];
  scale: ScaleRow[];
  notes: string[];
  totalSeconds?: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
}

const whole = (value: number) => Math.round(value).toLocaleString('en-US');

/** BENCHMARKS.md: the measured tables, the machine, and the command that produced them. */
export function renderBenchmarks(report: BenchReport): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${report.node}`;
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${report.date.slice(0, 10)} on ${machine} with \`npm run bench${report.quick ? ' -- --quick' : ''}\``,
    '(client and server on the same machine; the server is `idpool serve` in its own process, the load generator a',
    'closed loop of N clients over keep-alive connections; raw numbers in `bench/results.json`).',
    '',
    '## Cold start to the first successful call',
    '',
    '| how | median | runs (ms) | target |',
    '| --- | --- | --- | --- |',
    `| \`idpool serve\` (spawn → first signed ListIdentityPools answered) | ${whole(median(report.coldStart.serveMs))} ms | ${report.coldStart.serveMs.map(whole).join(', ')} | ≤ 250 ms |`,
    `| in-process \`startEmulator()\` (node start → first call answered) | ${whole(median(report.coldStart.inProcessMs))} ms | ${report.coldStart.inProcessMs.map(whole).join(', ')} | |`,
    '',
    '## Calls per second and latency',
    '',
    '| call | clients | idpool calls/s | p50 | p99 | moto calls/s | idpool ÷ moto |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of report.loads.filter((load) => load.target === 'idpool')) {
    const moto = report.loads.find((load) => load.target === 'moto' && load.name === row.name && load.concurrency === row.concurrency);
    const failed = row.failures > 0 ? ` (${row.failures} failed)` : '';
    lines.push(
      `| ${row.name} | ${row.concurrency} | ${whole(row.callsPerSecond)}${failed} | ${row.p50Ms.toFixed(2)} ms | ${row.p99Ms.toFixed(2)} ms | ${moto ? whole(moto.callsPerSecond) : '—'} | ${moto ? `${(row.callsPerSecond / moto.callsPerSecond).toFixed(1)}×` : '—'} |`,
    );
  }
  if (report.scale.length > 0) {
    lines.push(
      '',
      '## A pool of 1,000 vs 1,000,000 developer identities',
      '',
      'Seeded on disk with `idpool seed identities --data-dir DIR --count N`, served with `idpool serve --data-dir DIR`;',
      'one client, a random existing developer user per call.',
      '',
      '| identities | seed | GetOpenIdTokenForDeveloperIdentity p50 / p99 | LookupDeveloperIdentity p50 / p99 | ListIdentities through all | server RSS |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const row of report.scale) {
      const listed = row.listAllSeconds === undefined ? '—' : `${row.listedIdentities?.toLocaleString('en-US')} in ${row.listAllSeconds.toFixed(1)} s`;
      lines.push(
        `| ${row.identities.toLocaleString('en-US')} | ${row.seedSeconds.toFixed(1)} s | ${row.tokenP50Ms.toFixed(2)} / ${row.tokenP99Ms.toFixed(2)} ms | ${row.lookupP50Ms.toFixed(2)} / ${row.lookupP99Ms.toFixed(2)} ms | ${listed} | ${row.rssMiB.toFixed(0)} MiB |`,
      );
    }
    const [small, large] = report.scale;
    if (small && large) lines.push('', `Token p50 at ${large.identities.toLocaleString('en-US')} ÷ at ${small.identities.toLocaleString('en-US')}: ${(large.tokenP50Ms / small.tokenP50Ms).toFixed(2)}× (target ≤ 1.5×); lookup: ${(large.lookupP50Ms / small.lookupP50Ms).toFixed(2)}×.`);
  }
  lines.push('', '## Memory', '', '| when | RSS |', '| --- | --- |');
  if (report.idleRssMiB !== undefined) lines.push(`| \`idpool serve\` idle after start | ${report.idleRssMiB.toFixed(0)} MiB |`);
  if (report.rssAfterLoadMiB !== undefined) lines.push(`| after the load above | ${report.rssAfterLoadMiB.toFixed(0)} MiB |`);
  if (report.notes.length > 0) lines.push('', '## Notes', '', ...report.notes.map((note) => `- ${note}`));
  lines.push('', `The whole run took ${whole(report.totalSeconds ?? 0)} s.`, '');
  return lines.join('\n');
}
