import { show } from '../../contracts/checks.js';
import type { Outcome } from '../../contracts/outcome.js';
import type { Contract, ContractContext } from '../../contracts/types.js';
import { redactSecrets } from './redact.js';

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'response')
    return `a ${outcome.status ?? ''} response ${show(redactSecrets(outcome.body))}`.replace('  ', ' ');
  return `${outcome.code}${outcome.status ? ` (${outcome.status})` : ''}: ${show(outcome.message)}`;
}

/** The differences between what came back and what the contract says must come back; empty when it holds. */
export async function evaluate(contract: Contract, outcome: Outcome, ctx: ContractContext): Promise<string[]> {
  const expected = contract.expect;
  if (expected.kind === 'error') {
    if (outcome.kind !== 'error')
      return [
        `expected the error ${[expected.error.code].flat().join(' or ')} (${expected.error.status}), ` +
          `got ${describeOutcome(outcome)}`,
      ];
    const codes = [expected.error.code].flat();
    const differences: string[] = [];
    if (!codes.includes(outcome.code))
      differences.push(
        `error code: expected ${codes.join(' or ')}, ` +
          `got ${outcome.code}${outcome.code.startsWith('HTTP') ? ` (${show(outcome.message)})` : ''}`,
      );
    if (outcome.status !== expected.error.status)
      differences.push(`HTTP status: expected ${expected.error.status}, got ${outcome.status ?? 'none'}`);
    if (expected.error.message && !expected.error.message.test(outcome.message))
      differences.push(`message: expected to match ${expected.error.message}, got ${show(outcome.message)}`);
    if (expected.error.errorType && outcome.errorType !== expected.error.errorType)
      differences.push(
        `x-amzn-ErrorType: expected ${expected.error.errorType}, got ${outcome.errorType ?? 'no header'}`,
      );
    return differences;
  }
  if (outcome.kind !== 'response') return [`expected a response, got ${describeOutcome(outcome)}`];
  const differences: string[] = [];
  if (expected.status !== undefined && outcome.status !== expected.status)
    differences.push(`HTTP status: expected ${expected.status}, got ${outcome.status ?? 'none'}`);
  const parsed = expected.schema.safeParse(outcome.body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      differences.push(`shape ${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  for (const [name, check] of Object.entries(expected.checks ?? {})) {
    for (const difference of await check(outcome.body, ctx, outcome)) differences.push(`${name}: ${difference}`);
  }
  return differences;
}
