import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import './cases/index.js';
import { copyRecordings } from './recordings.js';
import {
  describeDifference,
  kindLine,
  runScenario,
  serviceLines,
  summarize,
  summaryLine,
  type CaseResult,
} from './replay.js';
import { replayLambdaTransitionMs, scenarios, snapshotKey } from './scenario.js';

/**
 * Replays LocalStack's recorded AWS parity tests (the calls idpool emulates) against the emulator and compares every
 * recorded answer with idpool's. Differences fail the test unless accepted.ts lists them with their reason.
 * IDPOOL_COPY_RECORDINGS_FROM=<localstack checkout>/tests/aws/services refreshes the fixtures first;
 * IDPOOL_REPLAY_REPORT=<file> writes every case with its differences there as JSON.
 */
describe('AWS recorded answers, replayed', () => {
  let emulator: RunningEmulator;
  const results: CaseResult[] = [];
  let scenariosRun = 0;

  beforeAll(async () => {
    const source = process.env.IDPOOL_COPY_RECORDINGS_FROM;
    if (source) copyRecordings(source, scenarios);
    emulator = await startEmulator({ port: 0, logLevel: 'error', lambdaStateTransitionMs: replayLambdaTransitionMs });
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  for (const s of scenarios) {
    it(snapshotKey(s).replace('tests/aws/services/', ''), async () => {
      const caseResults = await runScenario(s, emulator);
      results.push(...caseResults);
      scenariosRun += 1;
      const unaccepted = caseResults.flatMap((result) =>
        result.differences
          .filter((difference) => !difference.accepted)
          .map((difference) => describeDifference(result.id, difference)),
      );
      expect(unaccepted, 'differences from the recorded AWS answers not listed in accepted.ts').toEqual([]);
    });
  }

  it('prints the replay summary; every accepted difference is still needed', () => {
    const summary = summarize(results);
    console.log(
      [summaryLine(summary), ...serviceLines(summary), `  differences by kind: ${kindLine(summary)}`].join('\n'),
    );
    const reportFile = process.env.IDPOOL_REPLAY_REPORT;
    if (reportFile) writeFileSync(reportFile, `${JSON.stringify({ summary, results }, null, 1)}\n`);
    const pendingStale = summary.staleAccepted.filter((entry) => entry.pending);
    for (const entry of pendingStale)
      console.log(`pending accepted difference no longer seen (remove it): ${entry.case} ${entry.path}`);
    // A filtered run (vitest -t) prints its numbers; the targets hold for the whole replay.
    if (scenariosRun < scenarios.length) return;
    expect(
      summary.staleAccepted.filter((entry) => !entry.pending).map((entry) => `${entry.case} ${entry.path}`),
    ).toEqual([]);
    expect(summary.exact / summary.cases).toBeGreaterThanOrEqual(0.9);
  });

  it('names each case once', () => {
    const ids = results.map((result) => result.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.split('::').length >= 3)).toBe(true);
  });
});
