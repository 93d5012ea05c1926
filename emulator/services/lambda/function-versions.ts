import { randomUUID } from 'node:crypto';
import type { FunctionRecord, FunctionVersionRecord, LambdaStore } from '../../store/lambda-store.js';
import { PreconditionFailedException } from './errors.js';

/** A RevisionId parameter that does not name the current revision stops an update, as Lambda's optimistic lock. */
export function checkRevision(record: { revisionId: string }, revisionId: string | undefined): void {
  if (revisionId !== undefined && revisionId !== record.revisionId) throw new PreconditionFailedException();
}

/**
 * Publishes `$LATEST` as a new numbered version, unless the newest version already has the same code and
 * configuration (Lambda then returns that one). Runs inside the caller's transaction.
 */
export function publishVersion(store: LambdaStore, fn: FunctionRecord, nowMs: number, description?: string): FunctionVersionRecord {
  const newest = store.versions(fn).at(-1);
  const settings = { ...fn.settings, description: description ?? fn.settings.description };
  if (newest && newest.codeSha256 === fn.codeSha256 && JSON.stringify(newest.settings) === JSON.stringify(settings)) return newest;
  fn.lastVersion += 1;
  const version: FunctionVersionRecord = {
    accountId: fn.accountId,
    region: fn.region,
    name: fn.name,
    version: String(fn.lastVersion),
    settings,
    codeSha256: fn.codeSha256,
    codeSize: fn.codeSize,
    revisionId: randomUUID(),
    lastModified: nowMs,
    policy: [],
  };
  store.insertVersion(version);
  store.saveFunctionExtras(fn);
  return version;
}
