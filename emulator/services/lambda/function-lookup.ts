import type { FunctionRecord, FunctionVersionRecord, LambdaStore } from '../../store/lambda-store.js';
import { ResourceNotFoundException } from './errors.js';
import type { FunctionReference } from './function-names.js';

/** The function itself ($LATEST, with its tags and concurrency), whatever the reference's qualifier. */
export function requireFunction(store: LambdaStore, reference: FunctionReference): FunctionRecord {
  const record = reference.foreign ? undefined : store.findFunction(reference);
  if (!record) throw ResourceNotFoundException.functionNotFound(reference.requestedArn);
  return record;
}

/**
 * The version a reference's qualifier selects: none or `$LATEST` is the function itself, a number a published
 * version. Aliases are not emulated (CreateAlias answers UnsupportedOperation), so an alias name names nothing.
 */
export function requireVersion(store: LambdaStore, reference: FunctionReference): FunctionVersionRecord {
  const record = reference.foreign ? undefined : store.findVersion(reference, reference.qualifier ?? '$LATEST');
  if (!record) throw ResourceNotFoundException.functionNotFound(reference.requestedArn);
  return record;
}
