import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/reporters/json.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { prettySummary } from '../../src/reporters/pretty.js';
import type { RunReport, TargetRun } from '../../src/runner/results.js';
import { recordedRun, secretsOf } from '../snapshots/fixtures.js';
import { parseXml } from '../support/xml.js';

/**
 * The embedded fixture run, a copy of it with one failure and one not-run contract, and a target that did not start.
 */
function report(): RunReport {
  const embedded = recordedRun();
  const other: TargetRun = { ...recordedRun(), target: 'other <&> "emulator"' };
  const [first, second] = other.results;
  if (!first || !second) throw new Error('fixture has no results');
  Object.assign(first, {
    verdict: 'failed',
    differences: ['IdentityPoolId: expected "a", got "b" & <c>', 'second difference'],
  });
  Object.assign(second, { verdict: 'not-run', reason: 'needs a movable clock' });
  const localstack: TargetRun = {
    target: 'localstack',
    state: 'unavailable',
    reason: 'LocalStack cannot start: no container runtime (Could not find a working container runtime strategy)',
    results: [],
    provisioningFailures: [],
    teardownFailures: [],
    durationMs: 5,
    contractsMs: 0,
    provisioningMs: 0,
  };
  return {
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 2000,
    targets: [embedded, other, localstack],
    interrupted: false,
  };
}

describe('reporters', () => {
  it('junit: valid XML naming each contract and target', () => {
    const xml = renderJunit(report());
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    const suites = root.children;
    expect(suites.map((suite) => suite.attributes.name)).toEqual(['embedded', 'other <&> "emulator"', 'localstack']);
    const [embedded, other, localstack] = suites;
    const contractCount = recordedRun().results.length;
    expect(embedded?.children.map((testcase) => testcase.attributes.name)).toEqual(
      recordedRun().results.map((result) => result.id),
    );
    expect(embedded?.children[0]?.attributes.classname).toBe('embedded.create-identity-pool');
    expect(embedded?.attributes).toMatchObject({ tests: String(contractCount), failures: '0', skipped: '0' });
    const failure = other?.children[0]?.children.find((child) => child.name === 'failure');
    expect(failure?.attributes.message).toBe('IdentityPoolId: expected "a", got "b" & <c>');
    expect(failure?.text).toBe('IdentityPoolId: expected "a", got "b" & <c>\nsecond difference');
    expect(other?.children[1]?.children.find((child) => child.name === 'skipped')?.attributes.message).toBe(
      'needs a movable clock',
    );
    expect(localstack?.children[0]?.children[0]).toMatchObject({
      name: 'skipped',
      attributes: { message: expect.stringContaining('no container runtime') },
    });
    expect(root.attributes).toMatchObject({ tests: String(contractCount * 2), failures: '1', skipped: '1' });
  });

  it('markdown: the contract × target matrix', () => {
    const markdown = renderMarkdown(report());
    const lines = markdown.split('\n');
    const header = lines.findIndex((line) => line.startsWith('| contract |'));
    expect(lines[header]).toBe('| contract | status | embedded | other <&> "emulator" | localstack |');
    expect(lines[header + 1]).toBe('| --- | --- | --- | --- | --- |');
    const rows = lines.slice(header + 2).filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(recordedRun().results.length);
    expect(rows[0]).toMatch(
      new RegExp(
        /^\| `create-identity-pool.response` \| model \| pass \| /.source +
          /FAIL: IdentityPoolId: expected "a", got "b" & <c> \(\+1 more\) \| not run: LocalStack cannot start/.source,
      ),
    );
    expect(rows[1]).toContain('| not run: needs a movable clock |');
    expect(markdown).toContain('- **localstack**: not run');
  });

  it('json: every result without the responses (they hold secrets)', () => {
    const json = renderJson(report());
    const parsed = JSON.parse(json) as {
      targets: Array<{ target: string; summary: Record<string, number>; results: Array<Record<string, unknown>> }>;
    };
    expect(parsed.targets.map((target) => target.summary)).toEqual([
      { passed: recordedRun().results.length, failed: 0, 'not-run': 0 },
      { passed: recordedRun().results.length - 2, failed: 1, 'not-run': 1 },
      { passed: 0, failed: 0, 'not-run': 0 },
    ]);
    expect(parsed.targets[0]?.results[0]).not.toHaveProperty('outcome');
    for (const secret of secretsOf(recordedRun())) expect(json.includes(secret)).toBe(false);
  });

  it('pretty: failures in full and the parity matrix', () => {
    const text = prettySummary(report());
    expect(text).toContain('Failures on other <&> "emulator":');
    expect(text).toContain('      second difference');
    expect(text).toMatch(/create-identity-pool\.response\s+✓\s+✗\s+–/);
    expect(text).toContain('localstack: not run — LocalStack cannot start');
  });
});
