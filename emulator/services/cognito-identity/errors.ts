import { AwsError, type AwsErrorOptions } from '../../errors.js';

/**
 * Cognito Identity's errors, with the model's shape names. The botocore model has no HTTP statuses. The Smithy model
 * (aws-sdk-js-v3) and docs/aws-behaviour.md say NotAuthorized 403 and ResourceNotFound 404, but real
 * responses captured in public SDK logs answer both with 400 ("Status Code: 400; Error Code: NotAuthorizedException",
 * aws-amplify/aws-sdk-android#1431; "Status Code: 400; Error Code: ResourceNotFoundException",
 * aws-amplify/aws-sdk-android-samples#163), as Coral's JSON services answer client errors: idpool follows the
 * captures. ResourceConflict 409 and TooManyRequests 429 follow the Smithy model [unverified].
 *
 * Messages quoted from real responses are marked with their source in the factory below; the others are
 * [unverified].
 */
export class InvalidParameterException extends AwsError {
  constructor(message: string) {
    super('InvalidParameterException', message, 400);
  }
}

export class NotAuthorizedException extends AwsError {
  constructor(message: string, options?: AwsErrorOptions) {
    super('NotAuthorizedException', message, 400, options);
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string) {
    super('ResourceNotFoundException', message, 400);
  }
}

export class ResourceConflictException extends AwsError {
  constructor(message: string) {
    super('ResourceConflictException', message, 409);
  }
}

class DeveloperUserAlreadyRegisteredException extends AwsError {
  constructor(message: string) {
    super('DeveloperUserAlreadyRegisteredException', message, 400);
  }
}

export class InvalidIdentityPoolConfigurationException extends AwsError {
  /** Captured from a real response (docs/aws-behaviour.md). */
  constructor(message = 'Invalid identity pool configuration. Check assigned IAM roles for this pool.') {
    super('InvalidIdentityPoolConfigurationException', message, 400);
  }
}

/** The messages AWS answers, by situation. */
export const cognitoErrors = {
  /** Seen in many public reports (aws-amplify/amplify-js#14117, aws-sdk-android-samples#163). */
  poolNotFound: (poolId: string) => new ResourceNotFoundException(`IdentityPool '${poolId}' not found.`),
  /** aws-amplify/amplify-js#2301. */
  identityNotFound: (identityId: string) => new ResourceNotFoundException(`Identity '${identityId}' not found.`),
  /** aws/aws-sdk-js-v3#3113, amplify-js#1089. */
  unauthenticatedNotSupported: () =>
    new NotAuthorizedException('Unauthenticated access is not supported for this identity pool.'),
  /** aws-amplify/aws-sdk-android#52: an authenticated identity asked for without a valid login for it. */
  identityForbidden: (identityId: string) =>
    new NotAuthorizedException(`Access to Identity '${identityId}' is forbidden.`),
  /** amazon-cognito-identity-js#91. */
  unverifiableToken: () => new NotAuthorizedException("Invalid login token. Couldn't verify signed token."),
  /** aws-amplify/aws-sdk-ios#2570, amplify-js#3675: `now >= exp`, epoch seconds. */
  tokenExpired: (nowSeconds: number, expiresAt: number) =>
    new NotAuthorizedException(`Invalid login token. Token expired: ${nowSeconds} >= ${expiresAt}`, {
      expired: { what: 'token', expiredAt: expiresAt * 1000 },
    }),
  /** [unverified] A token of this emulator issued for another identity pool. */
  foreignToken: () => new NotAuthorizedException('Invalid login token. Incorrect token audience.'),
  /** aws/aws-sdk-net#420 and captures of GetId: a Cognito token where only a provider's token is accepted. */
  cognitoTokenNotAccepted: () => new NotAuthorizedException("Invalid login token. Can't pass in a Cognito token."),
  /** amazon-cognito-identity-js#153, cognito-sample-nodejs#1. */
  unsupportedProvider: () =>
    new NotAuthorizedException('Token is not from a supported provider of this identity pool.'),
  /** danilop/LambdAuth#32 (message); the exception name is [unverified]. */
  unsupportedDeveloperProvider: () =>
    new NotAuthorizedException('This identity pool does not support the specified developer provider.'),
  /** amplify-js#3621: `Deny` as AmbiguousRoleResolution when no mapping rule chose a role. */
  ambiguousRoleDenied: (provider: string) =>
    new NotAuthorizedException(`The ambiguous role mapping rules for: ${provider} denied this request.`),
  /** aws-cognito-angular-quickstart#35: a role ARN SetIdentityPoolRoles cannot use. */
  roleForbidden: (roleArn: string) => new NotAuthorizedException(`Access to Role '${roleArn}' is forbidden.`),
  /** aws/aws-cdk#22951. */
  invalidRoleMappingProvider: (provider: string) =>
    new InvalidParameterException(
      `(${provider}) is not a valid RoleMapping ProviderName or is not a configured provider.`,
    ),
  /** aws/aws-cli#7652, amplify-js#9704. */
  classicFlowDisabled: () =>
    new InvalidParameterException('Basic (classic) flow is not enabled, please use enhanced flow.'),
  /** aws-observability/aws-rum-web#172. */
  classicFlowWithRoleMappings: () =>
    new InvalidParameterException('Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.'),
  /** [unverified] The Smithy documentation of the exception: "The provided developer user identifier is already
   * registered with Cognito under a different identity ID." */
  developerUserAlreadyRegistered: () =>
    new DeveloperUserAlreadyRegisteredException(
      'The provided developer user identifier is already registered with Cognito under a different identity ID.',
    ),
  /** [unverified] */
  developerProviderImmutable: () =>
    new InvalidParameterException('DeveloperProviderName cannot be changed once it has been set.'),
  /** [unverified] */
  invalidNextToken: () => new InvalidParameterException('The pagination token is invalid.'),
} as const;
