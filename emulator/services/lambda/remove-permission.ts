import { randomUUID } from 'node:crypto';
import type { RemovePermissionRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { refuseAlias } from './add-permission.js';
import { ResourceNotFoundException } from './errors.js';
import { parseFunctionName } from './function-names.js';
import { checkPolicyRevision } from './function-versions.js';

/** Errors in Lambda's words for each missing piece: function, policy, statement (recorded: test_permission_exceptions). */
export const removePermission: Operation<RemovePermissionRequest, void> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  refuseAlias(reference.qualifier, reference.requestedArn);
  const nowMs = context.now.getTime();
  runtime.db.transaction(() => {
    const version = store.findVersion(reference, reference.qualifier ?? '$LATEST');
    if (!version) throw new ResourceNotFoundException(`No policy found for: ${reference.requestedArn}`);
    checkPolicyRevision(version, input.RevisionId, nowMs);
    if (version.policy.length === 0) throw new ResourceNotFoundException('No policy is associated with the given resource.');
    const policy = version.policy.filter((statement) => statement.Sid !== input.StatementId);
    if (policy.length === version.policy.length) throw new ResourceNotFoundException(`Statement ${input.StatementId} is not found in resource policy.`);
    store.savePolicy({ ...version, policy, policyRevisionId: randomUUID() });
  });
};
