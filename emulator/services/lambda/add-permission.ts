import { randomUUID } from 'node:crypto';
import type { AddPermissionRequest, AddPermissionResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { isAliasName } from './delete-function.js';
import { lambdaErrors } from './errors.js';
import { requireVersion } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import { checkPolicyRevision } from './function-versions.js';
import { maxPolicyBytes, permissionStatement, policyDocument } from './resource-policy.js';

/** Aliases are not emulated, so an alias name finds none, in Lambda's words. */
export function refuseAlias(qualifier: string | undefined, requestedArn: string): void {
  if (qualifier !== undefined && isAliasName(qualifier)) throw lambdaErrors.aliasNotFound(requestedArn);
}

export const addPermission = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: AddPermissionRequest, context): AddPermissionResponse => {
      const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
      if (reference.qualifier === '$LATEST') throw lambdaErrors.policyOnLatest();
      refuseAlias(reference.qualifier, reference.requestedArn);
      const version = requireVersion(lambdaStore, reference);
      checkPolicyRevision(version, input.RevisionId, context.now.getTime());
      const statementId = input.StatementId as string;
      if (version.policy.some((statement) => statement.Sid === statementId)) {
        throw lambdaErrors.statementExists(statementId);
      }
      const statement = permissionStatement(input, functionArn(version, reference.qualifier));
      const policy = [...version.policy, statement];
      const size = Buffer.byteLength(policyDocument(policy));
      if (size > maxPolicyBytes) throw lambdaErrors.policyTooLarge(size, maxPolicyBytes);
      lambdaStore.savePolicy({ ...version, policy, policyRevisionId: randomUUID() });
      return { Statement: JSON.stringify(statement) };
    },
);
