import { randomUUID } from 'node:crypto';
import type { RemovePermissionRequest } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { refuseAlias } from './add-permission.js';
import { lambdaErrors } from './errors.js';
import { parseFunctionName } from './function-names.js';
import { checkPolicyRevision } from './function-versions.js';

/** Errors in Lambda's words for each missing piece: function, policy, statement. */
export const removePermission = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: RemovePermissionRequest, context): void => {
      const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
      refuseAlias(reference.qualifier, reference.requestedArn);
      const version = lambdaStore.findVersion(reference, reference.qualifier ?? '$LATEST');
      if (!version) throw lambdaErrors.noPolicyFor(reference.requestedArn);
      checkPolicyRevision(version, input.RevisionId, context.now.getTime());
      if (version.policy.length === 0) throw lambdaErrors.emptyPolicy();
      const statementId = input.StatementId as string;
      const policy = version.policy.filter((statement) => statement.Sid !== statementId);
      if (policy.length === version.policy.length) throw lambdaErrors.statementNotFound(statementId);
      lambdaStore.savePolicy({ ...version, policy, policyRevisionId: randomUUID() });
    },
);
