import { randomBytes } from 'node:crypto';
import { stackConventions } from '../../contracts/stack-conventions.js';

/** A short, unique, lower-case id for one run: it names and tags everything the run creates. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** The names of a run's resources; all start `idpool-<run id>` so cleanup can find them without tags. */
export function stackNames(runId: string) {
  const prefix = `${stackConventions.namePrefix}${runId}`;
  return {
    identityPool: prefix,
    developerProvider: `login.idpool.${runId}`,
    authenticatedRole: `${prefix}-auth`,
    lambdaRole: `${prefix}-lambda`,
    invokePolicy: 'idpool-invoke-hello',
    function: `${prefix}-hello`,
    restApi: prefix,
  };
}

export type StackNames = ReturnType<typeof stackNames>;

export function runTags(runId: string): Record<string, string> {
  return { [stackConventions.runTag]: runId };
}
