import { randomUUID } from 'node:crypto';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { FunctionVersionRecord, TransitionRecord } from '../../store/lambda-store.js';
import { lambdaErrors } from './errors.js';

/**
 * Lambda's function states (developer guide, "Lambda function states"): a new function (or a version published by
 * CreateFunction/UpdateFunctionCode with Publish) is `Pending` until its resources are ready, then `Active`; an
 * update leaves it `Active` with `LastUpdateStatus: InProgress` until `Successful`. Each end of a transition gets a
 * new RevisionId (recorded: tests/aws/services/lambda_/test_lambda_api.py::TestLambdaRevisions, see
 * test/fixtures/aws-recorded/lambda/). idpool ends a transition `config.lambdaStateTransitionMs` after it began.
 */
export function transitionAt(record: FunctionVersionRecord, nowMs: number): TransitionRecord | undefined {
  return record.transition && nowMs < record.transition.until ? record.transition : undefined;
}

/** The RevisionId a client sees at `nowMs` (and must pass as RevisionId to change the record). */
export function currentRevision(record: FunctionVersionRecord, nowMs: number): string {
  return transitionAt(record, nowMs)?.revisionId ?? record.revisionId;
}

/** A transition starting at `nowMs`: the revision shown meanwhile, and the record's own revision once it ends. */
export function startTransition(
  kind: TransitionRecord['kind'],
  nowMs: number,
  durationMs: number,
): { transition: TransitionRecord; revisionId: string } {
  return { transition: { kind, until: nowMs + durationMs, revisionId: randomUUID() }, revisionId: randomUUID() };
}

type StateFields = Pick<
  FunctionConfiguration,
  | 'State'
  | 'StateReason'
  | 'StateReasonCode'
  | 'LastUpdateStatus'
  | 'LastUpdateStatusReason'
  | 'LastUpdateStatusReasonCode'
>;

/** State members as recorded: a Pending function has no LastUpdateStatus; an update's reason is also "Creating". */
export function stateFields(transition: TransitionRecord | undefined): StateFields {
  if (transition?.kind === 'create')
    return { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' };
  if (transition?.kind === 'update') {
    // 'Creating' is no LastUpdateStatusReasonCode of the model, but what Lambda answers (recorded).
    const reasonCode = 'Creating' as StateFields['LastUpdateStatusReasonCode'];
    return {
      State: 'Active',
      LastUpdateStatus: 'InProgress',
      LastUpdateStatusReason: 'The function is being created.',
      LastUpdateStatusReasonCode: reasonCode,
    };
  }
  return { State: 'Active', LastUpdateStatus: 'Successful' };
}

/**
 * Changes of code, configuration or versions wait for the previous one: an update in progress is refused as
 * recorded (test_lambda_concurrent_code_updates) and as captured for PublishVersion (aws/aws-cli#6718); a function
 * still Pending as captured (aws/serverless-application-model#2356).
 */
export function refuseWhileChanging(record: FunctionVersionRecord, nowMs: number, unqualifiedArn: string): void {
  const transition = transitionAt(record, nowMs);
  if (transition?.kind === 'update') {
    throw lambdaErrors.updateInProgress(unqualifiedArn);
  }
  if (transition?.kind === 'create') {
    throw lambdaErrors.changeWhilePending(unqualifiedArn);
  }
}

/** Invoking a Pending function fails (captured: remotion-dev/remotion#1186); during an update it runs. */
export function refuseInvokeWhilePending(record: FunctionVersionRecord, nowMs: number): void {
  if (transitionAt(record, nowMs)?.kind === 'create') {
    throw lambdaErrors.invokeWhilePending();
  }
}
