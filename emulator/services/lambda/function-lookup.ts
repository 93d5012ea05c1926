import type { FunctionRecord, FunctionVersionRecord, LambdaStore } from '../../store/lambda-store.js';
import { lambdaErrors } from './errors.js';
import type { FunctionReference } from './function-names.js';

/**
 * The function itself ($LATEST, with its tags and concurrency), whatever the reference's qualifier; a missing one
 * is "Function not found: <arnInMessage>" (the ARN as requested unless the operation words it otherwise).
 */
export function requireFunction(
  store: Pick<LambdaStore, 'findFunction'>,
  reference: FunctionReference,
  arnInMessage = reference.requestedArn,
): FunctionRecord {
  const record = store.findFunction(reference);
  if (!record) throw lambdaErrors.functionNotFound(arnInMessage);
  return record;
}

/**
 * The version a reference's qualifier selects: none or `$LATEST` is the function itself, a number a published
 * version. Aliases are not emulated (CreateAlias answers UnsupportedOperation), so an alias name names nothing.
 */
export function requireVersion(
  store: Pick<LambdaStore, 'findVersion'>,
  reference: FunctionReference,
  arnInMessage = reference.requestedArn,
): FunctionVersionRecord {
  const record = store.findVersion(reference, reference.qualifier ?? '$LATEST');
  if (!record) throw lambdaErrors.functionNotFound(arnInMessage);
  return record;
}
