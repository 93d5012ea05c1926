import { randomUUID } from 'node:crypto';
import type {
  FunctionRecord,
  FunctionSettings,
  FunctionVersionRecord,
  TransitionRecord,
} from '../../store/lambda-store.js';
import { lambdaErrors } from './errors.js';
import { currentRevision, transitionAt } from './function-states.js';

/** A RevisionId parameter that does not name the current revision stops an update, as Lambda's optimistic lock. */
export function checkRevision(record: FunctionVersionRecord, revisionId: string | undefined, nowMs: number): void {
  if (revisionId !== undefined && revisionId !== currentRevision(record, nowMs)) throw lambdaErrors.revisionMismatch();
}

/** The record with a new RevisionId (tagging changes the function's, recorded: TestLambdaTags::test_tag_lifecycle). */
export function withNewRevision<T extends FunctionVersionRecord>(record: T, nowMs: number): T {
  const transition = transitionAt(record, nowMs);
  return {
    ...record,
    revisionId: randomUUID(),
    ...(transition ? { transition: { ...transition, revisionId: randomUUID() } } : {}),
  };
}

/**
 * A resource policy has a RevisionId of its own, which AddPermission and RemovePermission check: GetPolicy's stays
 * the same when a published version changes the function's (recorded: test_lambda_permission_fn_versioning).
 */
export function policyRevision(record: FunctionVersionRecord, nowMs: number): string {
  return record.policyRevisionId ?? currentRevision(record, nowMs);
}

export function checkPolicyRevision(
  record: FunctionVersionRecord,
  revisionId: string | undefined,
  nowMs: number,
): void {
  if (revisionId !== undefined && revisionId !== policyRevision(record, nowMs)) throw lambdaErrors.revisionMismatch();
}

/** `$LATEST`'s settings a version was published from: its own, but the Description $LATEST had then. */
function sourceSettings(version: FunctionVersionRecord): FunctionSettings {
  const { publishedFromDescription, ...settings } = version.settings;
  return { ...settings, description: publishedFromDescription ?? settings.description };
}

function canonical(settings: FunctionSettings): string {
  return JSON.stringify(
    Object.entries(settings)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

export interface PublishOptions {
  /** PublishVersion's Description, else `$LATEST`'s. */
  description?: string;
  /** Published by CreateFunction/UpdateFunctionCode with Publish: Pending until `$LATEST`'s transition ends. */
  pendingUntil?: number;
}

/** What publishing `$LATEST` comes to: the newest version again, or a new one and the function counting it. */
export type PublishPlan =
  | { version: FunctionVersionRecord; created: false }
  | { version: FunctionVersionRecord; created: true; fn: FunctionRecord };

/**
 * Publishes `$LATEST` as a new numbered version, unless `$LATEST`'s code and configuration are those the newest
 * version was published from: Lambda then returns that version, whatever Description is asked (recorded:
 * test_version_lifecycle, test_publish_version_on_create). A new version changes `$LATEST`'s RevisionId
 * (test_function_revisions_version_and_alias) unless it is Pending with `$LATEST`. Writes nothing: the caller saves
 * the plan's version and function.
 */
export function planVersion(
  fn: FunctionRecord,
  newest: FunctionVersionRecord | undefined,
  nowMs: number,
  options: PublishOptions = {},
): PublishPlan {
  if (newest && newest.codeSha256 === fn.codeSha256 && canonical(sourceSettings(newest)) === canonical(fn.settings)) {
    return { version: newest, created: false };
  }
  const lastVersion = fn.lastVersion + 1;
  const description = options.description ?? fn.settings.description;
  const settings: FunctionSettings = { ...fn.settings, description };
  if (description !== fn.settings.description) settings.publishedFromDescription = fn.settings.description;
  const transition: TransitionRecord | undefined =
    options.pendingUntil === undefined
      ? undefined
      : { kind: 'create', until: options.pendingUntil, revisionId: randomUUID() };
  const version: FunctionVersionRecord = {
    accountId: fn.accountId,
    region: fn.region,
    name: fn.name,
    version: String(lastVersion),
    settings,
    codeSha256: fn.codeSha256,
    codeSize: fn.codeSize,
    revisionId: randomUUID(),
    lastModified: nowMs,
    policy: [],
    ...(transition ? { transition } : {}),
  };
  const revisionId = options.pendingUntil === undefined ? randomUUID() : fn.revisionId;
  return { version, created: true, fn: { ...fn, lastVersion, revisionId } };
}
