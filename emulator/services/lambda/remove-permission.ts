import { randomUUID } from 'node:crypto';
import type { RemovePermissionRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { ResourceNotFoundException } from './errors.js';
import { requireVersion } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';
import { checkRevision } from './function-versions.js';

export const removePermission: Operation<RemovePermissionRequest, void> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  runtime.db.transaction(() => {
    const version = requireVersion(store, reference);
    checkRevision(version, input.RevisionId);
    const policy = version.policy.filter((statement) => statement.Sid !== input.StatementId);
    if (policy.length === version.policy.length) throw new ResourceNotFoundException(`Statement ${input.StatementId} is not found in resource policy.`);
    store.savePolicy({ ...version, policy, revisionId: randomUUID() });
  });
};
