import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { allContracts, contractJsonSchemas, steps } from '../../contracts/index.js';
import { prettySummary } from '../reporters/pretty.js';
import { reportToConsole } from '../reporters/report-to-console.js';
import { reporterNames, writeReports, type ReporterName } from '../reporters/write-reports.js';
import { interruptOnSignals } from '../runner/interrupt.js';
import type { RunReport } from '../runner/results.js';
import { compareWithSnapshot, readSnapshot, snapshotOf, writeSnapshot } from '../snapshots/snapshot-file.js';
import { exitCodeOf, exitCodes, UsageError } from './exit-codes.js';
import { runWithProgress } from './progress.js';
import { addTargetOptions, collect, targetsFrom, type TargetOptions } from './target-options.js';

interface RunOptions extends TargetOptions {
  reporter?: string[];
  out?: string;
  compareSnapshots?: string;
  only?: string;
  reportTo?: string;
}

function reportersFrom(names: string[] | undefined): ReporterName[] {
  const chosen = names && names.length > 0 ? names : ['pretty'];
  for (const name of chosen)
    if (!(reporterNames as readonly string[]).includes(name))
      throw new UsageError(`unknown reporter '${name}': use ${reporterNames.join(', ')}`);
  return chosen as ReporterName[];
}

function selectedContracts(only: string | undefined) {
  if (!only) return allContracts;
  const selected = allContracts.filter((contract) => contract.id.startsWith(only) || contract.step === only);
  if (selected.length === 0) throw new UsageError(`--only ${only} matches no contract id or step`);
  return selected;
}

async function runAndReport(options: RunOptions, afterRun: (report: RunReport) => void): Promise<void> {
  const reporters = reportersFrom(options.reporter);
  const targets = targetsFrom(options);
  const recording = options.compareSnapshots ? readSnapshot(options.compareSnapshots) : undefined;
  const machineOnStdout = !options.out && reporters.some((name) => name !== 'pretty');
  const progressStream = machineOnStdout ? process.stderr : process.stdout;
  const interrupt = interruptOnSignals();
  let report: RunReport;
  try {
    report = await runWithProgress(targets, {
      contracts: selectedContracts(options.only),
      signal: interrupt.signal,
      show: reporters.includes('pretty'),
      stream: progressStream,
    });
  } finally {
    interrupt.dispose();
  }
  // Whatever the reporters and --out, why a target did not start is said where a person reads it.
  for (const run of report.targets) {
    if (run.state === 'unavailable') process.stderr.write(`idpool: ${run.target} not run: ${run.reason ?? ''}\n`);
  }
  if (recording) for (const run of report.targets) if (run.state !== 'unavailable') compareWithSnapshot(run, recording);
  afterRun(report);
  if (reporters.includes('pretty')) progressStream.write(`${prettySummary(report)}\n`);
  const written = writeReports(report, reporters, options.out, (text) => process.stdout.write(text));
  for (const path of written) progressStream.write(`wrote ${path}\n`);
  process.exitCode = exitCodeOf(report);
  if (options.reportTo) {
    try {
      const id = await reportToConsole(options.reportTo, report);
      progressStream.write(`reported to ${options.reportTo}/_idpool/console (run ${id})\n`);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      process.stderr.write(`idpool: --report-to ${options.reportTo}: ${why}\n`);
      if (process.exitCode === exitCodes.passed) process.exitCode = exitCodes.usage;
    }
  }
}

export function registerContractsCommand(program: Command): void {
  const contracts = program
    .command('contracts')
    .description('the contracts: what AWS does at each step of the flow, checked against a target');

  contracts
    .command('list')
    .description('list every contract: id, step, how sure it is (validated / model / unverified) and what it checks')
    .option('--json', 'as JSON, with requests and sources')
    .action((options: { json?: boolean }) => {
      if (options.json) {
        const listed = allContracts.map(({ id, step, title, request, status, source, expect }) => ({
          id,
          step,
          title,
          request,
          status,
          source,
          expects: expect.kind,
        }));
        process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
        return;
      }
      for (const step of steps) {
        process.stdout.write(`${step.title}\n`);
        for (const contract of allContracts.filter((candidate) => candidate.step === step.id)) {
          process.stdout.write(`  ${contract.id.padEnd(70)} ${contract.status.padEnd(10)} ${contract.title}\n`);
        }
      }
      process.stdout.write(`${allContracts.length} contracts\n`);
    });

  contracts
    .command('schema')
    .description("export each contract's response (or error) schema as JSON Schema, keyed by contract id")
    .option('--out <file>', 'write to this file instead of stdout')
    .action((options: { out?: string }) => {
      const schemas = {
        $comment: 'idpool contract schemas (zod 4 z.toJSONSchema); bodies are AWS SDK v3 outputs as JSON',
        contracts: contractJsonSchemas(allContracts),
      };
      const text = `${JSON.stringify(schemas, null, 2)}\n`;
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });

  addTargetOptions(
    contracts
      .command('run')
      .description('run the contracts on one or more targets (several make a parity matrix)')
      .option('--reporter <name>', `${reporterNames.join(' | ')} (repeatable; default pretty)`, collect)
      .option('--out <dir>', 'write json/junit/markdown reports here (results.json, junit.xml, matrix.md)')
      .option(
        '--compare-snapshots <dir|file>',
        'also compare normalized responses with a recording (idpool contracts record)',
      )
      .option('--only <prefix>', 'run only contracts whose id starts with this, or of this step')
      .option('--report-to <emulator url>', "also post the run's results.json to that idpool emulator's console"),
  ).action((options: RunOptions) => runAndReport(options, () => undefined));

  addTargetOptions(
    contracts
      .command('record')
      .description('run the contracts and record each normalized, redacted response as <out>/<target>.snapshot.json')
      .option('--reporter <name>', `${reporterNames.join(' | ')} (repeatable; default pretty)`, collect)
      .requiredOption('--out <dir>', 'folder for the snapshot files (e.g. contracts/snapshots/)'),
  ).action((options: RunOptions) => {
    const snapshotDir = options.out as string;
    return runAndReport({ ...options, out: undefined }, (report) => {
      for (const run of report.targets) {
        if (run.state === 'unavailable') continue;
        process.stdout.write(`recorded ${writeSnapshot(snapshotDir, snapshotOf(run))}\n`);
      }
    });
  });
}
