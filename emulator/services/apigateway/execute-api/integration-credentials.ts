import { evaluate } from '../../../auth/policy/index.js';
import type { EmulatorRuntime } from '../../../runtime.js';
import { policyDocument } from './policy-documents.js';

/**
 * An integration with `credentials` (a role ARN) calls Lambda as that role instead of relying on the function's
 * resource policy: API Gateway must be trusted to assume it and the role must allow lambda:InvokeFunction on the
 * function.
 */
export function roleMayInvoke(runtime: EmulatorRuntime, roleArn: string, functionArn: string): boolean {
  const role = runtime.iam.findRoleByArn(roleArn);
  const trust = role && policyDocument(role.assumeRolePolicy, 'trust');
  if (!role || !trust) return false;
  const assumed = evaluate({
    request: {
      principal: { kind: 'service', service: 'apigateway.amazonaws.com' },
      action: 'sts:AssumeRole',
      resource: role.arn,
      context: {},
    },
    identityPolicies: [],
    resourcePolicy: trust,
    resourcePolicyKind: 'trust',
    resourceAccountId: role.accountId,
  });
  if (assumed.decision !== 'Allow') return false;
  const identityPolicies = runtime.iam
    .identityPolicyDocuments(role.accountId, role.roleName)
    .map((text) => policyDocument(text, 'identity'))
    .filter((document) => document !== null);
  const invoke = evaluate({
    request: {
      principal: {
        kind: 'aws',
        arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/apigateway`,
        accountId: role.accountId,
        roleArn: role.arn,
      },
      action: 'lambda:InvokeFunction',
      resource: functionArn,
      context: {},
    },
    identityPolicies,
    resourceAccountId: role.accountId,
  });
  return invoke.decision === 'Allow';
}
