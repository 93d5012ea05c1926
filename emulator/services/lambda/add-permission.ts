import { randomUUID } from 'node:crypto';
import type { AddPermissionRequest, AddPermissionResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { InvalidParameterValueException, PolicyLengthExceededException, ResourceConflictException } from './errors.js';
import { requireVersion } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import { checkRevision } from './function-versions.js';
import { maxPolicyBytes, permissionStatement, policyDocument } from './resource-policy.js';

export const addPermission: Operation<AddPermissionRequest, AddPermissionResponse> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  if (reference.qualifier === '$LATEST') throw new InvalidParameterValueException('We currently do not support adding policies for $LATEST.');
  let statementText = '';
  runtime.db.transaction(() => {
    const version = requireVersion(store, reference);
    checkRevision(version, input.RevisionId);
    if (version.policy.some((statement) => statement.Sid === input.StatementId)) {
      throw new ResourceConflictException(`The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`);
    }
    const statement = permissionStatement(input, functionArn(version, reference.qualifier));
    const policy = [...version.policy, statement];
    const size = Buffer.byteLength(policyDocument(policy));
    if (size > maxPolicyBytes) throw new PolicyLengthExceededException(size, maxPolicyBytes);
    store.savePolicy({ ...version, policy, revisionId: randomUUID() });
    statementText = JSON.stringify(statement);
  });
  return { Statement: statementText };
};
