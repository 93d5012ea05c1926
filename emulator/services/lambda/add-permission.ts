import { randomUUID } from 'node:crypto';
import type { AddPermissionRequest, AddPermissionResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { InvalidParameterValueException, PolicyLengthExceededException, ResourceConflictException, ResourceNotFoundException } from './errors.js';
import { isAliasName } from './delete-function.js';
import { requireVersion } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import { checkPolicyRevision } from './function-versions.js';
import { maxPolicyBytes, permissionStatement, policyDocument } from './resource-policy.js';

/** Aliases are not emulated, so an alias name finds none, in Lambda's words (recorded: test_permission_exceptions). */
export function refuseAlias(qualifier: string | undefined, requestedArn: string): void {
  if (qualifier !== undefined && isAliasName(qualifier)) throw new ResourceNotFoundException(`Cannot find alias arn: ${requestedArn}`);
}

export const addPermission: Operation<AddPermissionRequest, AddPermissionResponse> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  if (reference.qualifier === '$LATEST') throw new InvalidParameterValueException('We currently do not support adding policies for $LATEST.');
  refuseAlias(reference.qualifier, reference.requestedArn);
  const nowMs = context.now.getTime();
  let statementText = '';
  runtime.db.transaction(() => {
    const version = requireVersion(store, reference);
    checkPolicyRevision(version, input.RevisionId, nowMs);
    if (version.policy.some((statement) => statement.Sid === input.StatementId)) {
      throw new ResourceConflictException(`The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`);
    }
    const statement = permissionStatement(input, functionArn(version, reference.qualifier));
    const policy = [...version.policy, statement];
    const size = Buffer.byteLength(policyDocument(policy));
    if (size > maxPolicyBytes) throw new PolicyLengthExceededException(size, maxPolicyBytes);
    store.savePolicy({ ...version, policy, policyRevisionId: randomUUID() });
    statementText = JSON.stringify(statement);
  });
  return { Statement: statementText };
};
