import type { Outcome } from '../../contracts/outcome.js';
import type { StepId } from '../../contracts/steps.js';
import type { ContractStatus, StackDescription } from '../../contracts/types.js';

export type Verdict = 'passed' | 'failed' | 'not-run';

export interface ContractResult {
  id: string;
  step: StepId;
  title: string;
  /** How sure the contract is of AWS's behaviour (validated / model / unverified). */
  status: ContractStatus;
  source: string;
  verdict: Verdict;
  /** What differed from the contract (empty when passed). */
  differences: string[];
  /** Why it was not run. */
  reason?: string;
  durationMs: number;
  /** What came back; holds secrets, so reporters never print it (snapshots normalize and redact it). */
  outcome?: Outcome;
}

export interface TargetRun {
  target: string;
  /** `ran`, or `unavailable` when the target could not start (the reason says why and how to fix it). */
  state: 'ran' | 'unavailable' | 'interrupted';
  description?: string;
  reason?: string;
  results: ContractResult[];
  /** Provisioning calls that failed (`createIdentityPool: …`). */
  provisioningFailures: string[];
  /** Resources the teardown could not remove. */
  teardownFailures: string[];
  runId?: string;
  /** The target's endpoint (none for AWS). */
  endpoint?: string;
  /** The stack the contracts ran against (names and ids, no secrets). */
  stack?: Partial<StackDescription>;
  durationMs: number;
  /** The contracts alone, without starting the target, provisioning and teardown. */
  contractsMs: number;
  provisioningMs: number;
}

export interface RunReport {
  startedAt: string;
  durationMs: number;
  targets: TargetRun[];
  /** Set when the run was stopped by SIGINT/SIGTERM. */
  interrupted: boolean;
}

export type RunEvent =
  | { type: 'target-starting'; target: string }
  | { type: 'target-started'; target: string; description: string }
  | { type: 'provisioned'; target: string; failures: string[]; ms: number }
  | { type: 'contract'; target: string; result: ContractResult }
  | { type: 'tearing-down'; target: string }
  | { type: 'target-done'; run: TargetRun };

export function counts(results: readonly ContractResult[]): Record<Verdict, number> {
  const tally: Record<Verdict, number> = { passed: 0, failed: 0, 'not-run': 0 };
  for (const result of results) tally[result.verdict] += 1;
  return tally;
}
