import type { AssumedRoleUser, Credentials } from '@aws-sdk/client-sts';
import type { SessionCredentials } from '../../auth/session-credentials.js';
import type { CognitoSessionSource, IssuedCredentialRecord } from '../../store/auth-store.js';
import type { RoleRecord } from '../../store/iam-store.js';

export interface RoleSessionRequest {
  role: RoleRecord;
  sessionName: string;
  durationSeconds: number;
  source?: CognitoSessionSource;
  tags?: Record<string, string>;
}

export interface IssuedRoleSession {
  credentials: IssuedCredentialRecord;
  assumedRoleUser: Required<AssumedRoleUser>;
}

/** In the role's partition: `arn:aws-cn:sts::…` for a role of `arn:aws-cn:iam::…`. */
function assumedRoleArn(role: RoleRecord, sessionName: string): string {
  const partition = role.arn.split(':')[1] || 'aws';
  return `arn:${partition}:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`;
}

/** Issues temporary credentials for a session of a role, as every STS AssumeRole* answer (and Cognito) does. */
export function issueRoleSession(
  issuer: Pick<SessionCredentials, 'issue'>,
  request: RoleSessionRequest,
): IssuedRoleSession {
  const { role, sessionName } = request;
  const arn = assumedRoleArn(role, sessionName);
  const credentials = issuer.issue({
    accountId: role.accountId,
    durationSeconds: request.durationSeconds,
    session: {
      roleArn: role.arn,
      roleName: role.roleName,
      roleId: role.roleId,
      sessionName,
      assumedRoleArn: arn,
      ...(request.source ? { source: request.source } : {}),
      ...(request.tags ? { tags: request.tags } : {}),
    },
  });
  return { credentials, assumedRoleUser: { AssumedRoleId: `${role.roleId}:${sessionName}`, Arn: arn } };
}

/** The `Credentials` member of an STS AssumeRole* answer. */
export function stsCredentials(credentials: IssuedCredentialRecord): Required<Credentials> {
  return {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: new Date(credentials.expiresAt),
  };
}
