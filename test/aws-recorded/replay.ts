import type { RunningEmulator } from '../../emulator/index.js';
import { accepted, translateRecorded, type AcceptedDifference } from './accepted.js';
import { Bindings, compareAnswers, differenceKinds, type Difference, type DifferenceKind } from './compare.js';
import { recordingOf } from './recordings.js';
import { callersFor, isAnswer, shortUid, snapshotKey, type ReplayContext, type Scenario } from './scenario.js';
import type { Json } from './wire-shape.js';

/** The account the recordings show (LocalStack's transformer writes every account id as 111111111111). */
const recordedAccount = '111111111111';

export interface JudgedDifference extends Difference {
  accepted?: AcceptedDifference;
}

export interface CaseResult {
  id: string;
  differences: JudgedDifference[];
}

function withRecordedAccount(value: Json, accountId: string): Json {
  if (typeof value === 'string') return value.split(accountId).join(recordedAccount);
  if (Array.isArray(value)) return value.map((item) => withRecordedAccount(item, accountId));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        withRecordedAccount(key, accountId) as string,
        withRecordedAccount(item, accountId),
      ]),
    );
  }
  return value;
}

function wildcard(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*')}$`,
  );
}

const acceptedPatterns = accepted.map((entry) => ({ entry, case: wildcard(entry.case), path: wildcard(entry.path) }));

function acceptedFor(caseId: string, difference: Difference): AcceptedDifference | undefined {
  return acceptedPatterns.find(
    (pattern) =>
      pattern.case.test(caseId) &&
      pattern.path.test(difference.path) &&
      (!pattern.entry.kind || pattern.entry.kind === difference.kind),
  )?.entry;
}

function caseId(s: Scenario, answer: string): string {
  return `${s.file}::${s.test}::${answer}`;
}

/** Runs one reproduction on an emulator emptied first, and compares each recorded answer with idpool's. */
export async function runScenario(s: Scenario, emulator: RunningEmulator): Promise<CaseResult[]> {
  const recording = recordingOf(s);
  if (!recording)
    throw new Error(`no fixture for ${snapshotKey(s)}: run with IDPOOL_COPY_RECORDINGS_FROM (see FIDELITY.md)`);
  await fetch(`${emulator.url}/_idpool/reset`, { method: 'POST' });
  await fetch(`${emulator.url}/_idpool/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetSeconds: 0 }),
  });
  const recorded = recording['recorded-content'];
  const bindings = new Bindings();
  const compared = new Map<string, Difference[]>();
  const context: ReplayContext = {
    ...callersFor(emulator, emulator.region),
    emulator,
    region: emulator.region,
    accountId: emulator.accountId,
    callers: (options) => callersFor(emulator, options.region ?? emulator.region, options.credentials),
    name: (prefix) => `${prefix}-${shortUid()}`,
    match(name, value) {
      if (!(name in recorded)) throw new Error(`${snapshotKey(s)} has no recorded answer '${name}'`);
      if (compared.has(name)) throw new Error(`${snapshotKey(s)}: '${name}' matched twice`);
      const actual = withRecordedAccount(isAnswer(value) ? value.shape : (value as Json), emulator.accountId);
      compared.set(name, compareAnswers(recorded[name], actual, bindings, { translate: translateRecorded }));
    },
  };
  let stopped: unknown;
  try {
    await s.run(context);
  } catch (error) {
    stopped = error;
  }
  const results: CaseResult[] = [];
  for (const name of Object.keys(recorded)) {
    if (s.inputs?.includes(name)) continue;
    const id = caseId(s, name);
    const differences: Difference[] = compared.get(name) ?? [
      {
        path: '',
        kind: 'not-reproduced',
        actual: stopped ? `the reproduction stopped: ${(stopped as Error).stack ?? String(stopped)}` : 'never matched',
      },
    ];
    results.push({
      id,
      differences: differences.map((difference) => ({ ...difference, accepted: acceptedFor(id, difference) })),
    });
  }
  return results;
}

interface ServiceSummary {
  cases: number;
  exact: number;
  /** Cases whose differences are all accepted, some of them pending on another branch. */
  pending: number;
}

export interface Summary {
  cases: number;
  exact: number;
  acceptedOnly: number;
  unaccepted: number;
  byService: Record<string, ServiceSummary>;
  differencesByKind: Record<DifferenceKind, { accepted: number; unaccepted: number }>;
  casesByWorstKind: Record<DifferenceKind, number>;
  staleAccepted: AcceptedDifference[];
}

export function summarize(results: CaseResult[]): Summary {
  const differencesByKind = Object.fromEntries(
    differenceKinds.map((kind) => [kind, { accepted: 0, unaccepted: 0 }]),
  ) as Summary['differencesByKind'];
  const casesByWorstKind = Object.fromEntries(differenceKinds.map((kind) => [kind, 0])) as Summary['casesByWorstKind'];
  const used = new Set<AcceptedDifference>();
  const byService: Record<string, ServiceSummary> = {};
  let exact = 0;
  let acceptedOnly = 0;
  let unaccepted = 0;
  for (const result of results) {
    const service = (byService[result.id.split('/')[0] as string] ??= { cases: 0, exact: 0, pending: 0 });
    service.cases += 1;
    if (result.differences.length === 0) service.exact += 1;
    else if (result.differences.some((difference) => difference.accepted?.pending)) service.pending += 1;
    if (result.differences.length === 0) exact += 1;
    else if (result.differences.every((difference) => difference.accepted)) acceptedOnly += 1;
    else unaccepted += 1;
    for (const difference of result.differences) {
      differencesByKind[difference.kind][difference.accepted ? 'accepted' : 'unaccepted'] += 1;
      if (difference.accepted) used.add(difference.accepted);
    }
    const worst = differenceKinds.find((kind) => result.differences.some((difference) => difference.kind === kind));
    if (worst) casesByWorstKind[worst] += 1;
  }
  return {
    cases: results.length,
    exact,
    acceptedOnly,
    unaccepted,
    byService,
    differencesByKind,
    casesByWorstKind,
    staleAccepted: accepted.filter((entry) => !used.has(entry)),
  };
}

export function summaryLine(summary: Summary): string {
  const percent = summary.cases === 0 ? 0 : (100 * summary.exact) / summary.cases;
  const kinds = differenceKinds
    .filter((kind) => summary.casesByWorstKind[kind] > 0)
    .map((kind) => `${kind} ${summary.casesByWorstKind[kind]}`)
    .join(', ');
  return (
    `aws-recorded replay: ${summary.cases} cases, ${summary.exact} exact (${percent.toFixed(1)}%), ` +
    `${summary.acceptedOnly} with accepted differences only, ${summary.unaccepted} with unaccepted differences` +
    (kinds ? `; cases by first difference: ${kinds}` : '')
  );
}

/** One line per service: `lambda_: 287 cases, 285 exact, 2 pending on another branch`. */
export function serviceLines(summary: Summary): string[] {
  return Object.entries(summary.byService).map(
    ([service, counts]) =>
      `  ${service}: ${counts.cases} cases, ${counts.exact} exact, ` +
      `${counts.pending} with differences pending on another branch`,
  );
}

/** Differences by kind, accepted and not: `outcome 11 (11 accepted), message 40 (40 accepted)`. */
export function kindLine(summary: Summary): string {
  return differenceKinds
    .map((kind) => [kind, summary.differencesByKind[kind]] as const)
    .filter(([, counts]) => counts.accepted + counts.unaccepted > 0)
    .map(([kind, counts]) => `${kind} ${counts.accepted + counts.unaccepted} (${counts.accepted} accepted)`)
    .join(', ');
}

export function describeDifference(id: string, difference: JudgedDifference): string {
  const show = (value: Json | undefined) => (value === undefined ? '(absent)' : JSON.stringify(value).slice(0, 400));
  return (
    `${id} ${difference.path || '(answer)'} [${difference.kind}] ` +
    `recorded ${show(difference.recorded)} idpool ${show(difference.actual)}`
  );
}
