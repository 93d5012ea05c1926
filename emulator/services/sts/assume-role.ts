import type { AssumeRoleRequest, AssumeRoleResponse } from '@aws-sdk/client-sts';
import type { ContextValue, PolicyDocument, RequestPrincipal } from '../../auth/policy/index.js';
import type { RoleSessionCaller } from '../../auth/caller.js';
import type { EmulatorRuntime } from '../../runtime.js';
import type { Operation } from '../service-definition.js';
import { stsErrors } from './errors.js';
import { issueRoleSession, stsCredentials } from './role-sessions.js';
import { globalContext, parsedPolicy, requestTagContext, trustAllows } from './role-trust.js';
import { refuseUnsupportedParameters } from './unsupported-parameters.js';

const defaultDurationSeconds = 3600;
/** A role session assuming another role ("role chaining") gets at most one hour. */
const chainingLimitSeconds = 3600;

/**
 * Signed: a session of a role whose trust policy allows the caller `sts:AssumeRole` (and `sts:TagSession` for
 * Tags). The caller's own policies must allow it too unless the trust policy names the caller itself. The root user
 * cannot assume roles, as on AWS; in idpool's lenient mode every unknown key is the root user, so AssumeRole needs
 * temporary credentials (from Cognito or another AssumeRole*).
 */
export const assumeRole: Operation<AssumeRoleRequest, AssumeRoleResponse> = (input, context) => {
  refuseUnsupportedParameters(input, ['Policy', 'PolicyArns', 'SerialNumber', 'TokenCode', 'SourceIdentity', 'ProvidedContexts', 'TransitiveTagKeys']);
  const { runtime } = context;
  const roleArn = input.RoleArn as string;
  if (!isWellFormedArn(roleArn)) throw stsErrors.invalidArn(roleArn);
  const caller = context.caller;
  if (caller?.kind !== 'role-session') throw stsErrors.rootCannotAssumeRoles();

  const role = runtime.iam.findRoleByArn(roleArn);
  const principal: RequestPrincipal = { kind: 'aws', arn: caller.arn, accountId: caller.accountId, roleArn: caller.session.roleArn };
  const callerContext = principalContext(caller, context.sourceIp, context.now);
  if (input.ExternalId !== undefined) callerContext['sts:ExternalId'] = input.ExternalId;
  const tags = input.Tags && input.Tags.length > 0 ? Object.fromEntries(input.Tags.map((tag) => [tag.Key as string, tag.Value as string])) : undefined;
  const identityPolicies = callerPolicies(context.runtime, caller);
  const allowed =
    role !== undefined &&
    trustAllows({ role, principal, action: 'sts:AssumeRole', context: callerContext, identityPolicies }) &&
    (!tags || trustAllows({ role, principal, action: 'sts:TagSession', context: { ...callerContext, ...requestTagContext(tags) }, identityPolicies }));
  if (!role || !allowed) throw stsErrors.assumeRoleNotTrusted(caller.arn, roleArn);

  const durationSeconds = input.DurationSeconds ?? defaultDurationSeconds;
  if (durationSeconds > role.maxSessionDuration) throw stsErrors.durationAboveRoleMaximum();
  if (durationSeconds > chainingLimitSeconds) throw stsErrors.durationAboveChainingLimit();

  const { credentials, assumedRoleUser } = issueRoleSession(runtime, { role, sessionName: input.RoleSessionName as string, durationSeconds, tags });
  return {
    Credentials: stsCredentials(credentials),
    AssumedRoleUser: assumedRoleUser,
  };
};

/**
 * `arn:<partition>:<service>:<region>:<account>:<resource>` with partition, service and resource present, as STS
 * checks before anything else (recorded: TestSTSIntegrations::test_sts_invalid_parameters, see
 * test/fixtures/aws-recorded/sts/).
 */
export function isWellFormedArn(arn: string): boolean {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const [, partition, service] = parts;
  return partition !== '' && service !== '' && parts.slice(5).join(':') !== '';
}

function principalContext(caller: RoleSessionCaller, sourceIp: string, now: Date): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {
    ...globalContext(now),
    'aws:PrincipalArn': caller.session.roleArn,
    'aws:PrincipalAccount': caller.accountId,
    'aws:PrincipalType': 'AssumedRole',
    'aws:userid': caller.userId,
    'aws:SourceIp': sourceIp,
  };
  for (const [key, value] of Object.entries(caller.session.tags ?? {})) context[`aws:PrincipalTag/${key}`] = value;
  return context;
}

/** The inline and attached policies of the caller's role. */
function callerPolicies(runtime: EmulatorRuntime, caller: RoleSessionCaller): PolicyDocument[] {
  return runtime.iam
    .identityPolicyDocuments(caller.accountId, caller.session.roleName)
    .map((text) => parsedPolicy(text, 'identity'))
    .filter((policy): policy is PolicyDocument => policy !== undefined);
}
