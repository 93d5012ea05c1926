import type { AssumeRoleRequest, AssumeRoleResponse } from '@aws-sdk/client-sts';
import { defineOperation } from '../service-definition.js';
import { stsErrors } from './errors.js';
import { issueRoleSession, stsCredentials } from './role-sessions.js';
import { refuseUnsupportedParameters } from './unsupported-parameters.js';

const defaultDurationSeconds = 3600;
/** A role session assuming another role ("role chaining") gets at most one hour. */
const chainingLimitSeconds = 3600;

/**
 * Signed: a session of a role whose trust policy allows the caller `sts:AssumeRole` (and `sts:TagSession` for
 * Tags), the caller's own policies too unless the trust policy names the caller itself: decided before the call,
 * as every operation's permissions are (sts/authorization.ts). The root user
 * cannot assume roles, as on AWS; in idpool's lenient mode every unknown key is the root user, so AssumeRole needs
 * temporary credentials (from Cognito or another AssumeRole*).
 */
const unsupportedParameters = [
  'Policy',
  'PolicyArns',
  'SerialNumber',
  'TokenCode',
  'SourceIdentity',
  'ProvidedContexts',
  'TransitiveTagKeys',
];

export const assumeRole = defineOperation(
  ['iam', 'credentials'],
  ({ iam, credentials: issuer }) =>
    (input: AssumeRoleRequest, context): AssumeRoleResponse => {
      refuseUnsupportedParameters(input, unsupportedParameters);
      const roleArn = input.RoleArn as string;
      if (!isWellFormedArn(roleArn)) throw stsErrors.invalidArn(roleArn);
      const caller = context.caller;
      if (caller?.kind !== 'role-session') throw stsErrors.rootCannotAssumeRoles();

      const role = iam.findRoleByArn(roleArn);
      // The trust policy and the caller's policies were evaluated before the call (sts/authorization.ts).
      if (!role) throw stsErrors.assumeRoleNotTrusted(caller.arn, roleArn);
      const tags =
        input.Tags && input.Tags.length > 0
          ? Object.fromEntries(input.Tags.map((tag) => [tag.Key as string, tag.Value as string]))
          : undefined;

      const durationSeconds = input.DurationSeconds ?? defaultDurationSeconds;
      if (durationSeconds > role.maxSessionDuration) throw stsErrors.durationAboveRoleMaximum();
      if (durationSeconds > chainingLimitSeconds) throw stsErrors.durationAboveChainingLimit();

      const sessionName = input.RoleSessionName as string;
      const { credentials, assumedRoleUser } = issueRoleSession(issuer, { role, sessionName, durationSeconds, tags });
      return { Credentials: stsCredentials(credentials), AssumedRoleUser: assumedRoleUser };
    },
);

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
