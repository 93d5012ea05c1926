import { AwsError, type AwsErrorOptions } from '../../errors.js';

/** STS's errors as its awsQuery model codes and statuses name them. */
class StsAccessDenied extends AwsError {
  constructor(message: string) {
    super('AccessDenied', message, 403);
  }
}

class StsValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', message, 400);
  }
}

class InvalidIdentityToken extends AwsError {
  constructor(message: string) {
    super('InvalidIdentityToken', message, 400);
  }
}

class ExpiredTokenException extends AwsError {
  constructor(message: string, options?: AwsErrorOptions) {
    super('ExpiredTokenException', message, 400, options);
  }
}

/** The messages AWS answers, by situation. */
export const stsErrors = {
  /** aws-behaviour.md; the Cognito developer guide's "Role trust and permissions". */
  webIdentityNotTrusted: () => new StsAccessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity'),
  /**
   * As IAM answers denied actions: `User: <caller> is not authorized to perform: sts:AssumeRole on resource:
   * <role>`.
   */
  assumeRoleNotTrusted: (callerArn: string, roleArn: string) =>
    new StsAccessDenied(`User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`),
  /** Seen in AWS CLI output when root credentials call AssumeRole. */
  rootCannotAssumeRoles: () => new StsAccessDenied('Roles may not be assumed by root accounts.'),
  /** Captured in public reports (awslabs/aws-orbit-workbench#771, aws-sdk-java-v2#5709), the missing space included. */
  webIdentityTokenExpired: (nowSeconds: number, expiresAt: number) =>
    new ExpiredTokenException(
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time${expiresAt}`,
      { expired: { what: 'token', expiredAt: expiresAt * 1000 } },
    ),
  /** Captured (aws-amplify/amplify-js#9704): a token that is not a JWT. */
  notAJwt: () =>
    new InvalidIdentityToken(
      'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    ),
  /** [unverified] The model's description of InvalidIdentityTokenException. */
  tokenNotValidated: () =>
    new InvalidIdentityToken(
      'The web identity token that was passed could not be validated by AWS. ' +
        'Get a new identity token from the identity provider and then retry the request.',
    ),
  /**
   * [unverified] A Cognito token of a pool that turned the basic (classic) flow off: the wording GetOpenIdToken
   * uses.
   */
  classicFlowDisabled: () => new InvalidIdentityToken('Basic (classic) flow is not enabled, please use enhanced flow.'),
  /** Recorded (test_sts_invalid_parameters): a RoleArn that is no ARN. */
  invalidArn: (arn: string) => new StsValidationError(`${arn} is invalid`),
  /** Seen in STS responses for durations above the role's maximum. */
  durationAboveRoleMaximum: () =>
    new StsValidationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
  /** Seen in STS responses for role chaining. */
  durationAboveChainingLimit: () =>
    new StsValidationError(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    ),
} as const;
