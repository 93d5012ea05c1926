import { AwsError, UnsupportedFeatureException } from '../../errors.js';

/**
 * IAM's errors, by model shape name, with AWS's statuses (404 NoSuchEntity, 409 for conflicts and quotas, 400 for
 * bad input). The messages are in the catalogue below, each with where it was seen: captures of real IAM responses
 * recorded against AWS in 2026 (localstack's tests/aws/services/iam/test_iam.snapshot.json, copied to
 * test/fixtures/aws-recorded/iam/), or error bodies quoted in public bug reports; [unverified] where nobody has.
 */
class NoSuchEntityException extends AwsError {
  constructor(message: string) {
    super('NoSuchEntity', message, 404);
  }
}

class EntityAlreadyExistsException extends AwsError {
  constructor(message: string) {
    super('EntityAlreadyExists', message, 409);
  }
}

class DeleteConflictException extends AwsError {
  constructor(message: string) {
    super('DeleteConflict', message, 409);
  }
}

class LimitExceededException extends AwsError {
  constructor(message: string) {
    super('LimitExceeded', message, 409);
  }
}

class MalformedPolicyDocumentException extends AwsError {
  constructor(message: string) {
    super('MalformedPolicyDocument', message, 400);
  }
}

class InvalidInputException extends AwsError {
  constructor(message: string) {
    super('InvalidInput', message, 400);
  }
}

/** IAM's own input checks beyond the model's constraints (an ARN that is not one, a bad marker). */
class IamValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', message, 400);
  }
}

class AccessDeniedException extends AwsError {
  constructor(message: string) {
    super('AccessDenied', message, 403);
  }
}

/** The messages IAM answers, by situation. */
export const iamErrors = {
  /** Public CLI output (prowler-cloud/prowler#2872); the user form is recorded ("The user with name … cannot be
   * found."). */
  roleNotFound: (roleName: string) => new NoSuchEntityException(`The role with name ${roleName} cannot be found.`),
  /** aws/aws-cli#6139 (DeleteRolePolicy). */
  rolePolicyNotFound: (policyName: string) =>
    new NoSuchEntityException(`The role policy with name ${policyName} cannot be found.`),
  /** Recorded (GetPolicy of a missing policy); DeletePolicy, DetachRolePolicy (not attached) and tagging as well.
   * `hint` is idpool's own sentence about its catalog of AWS managed policies. */
  policyNotFound: (policyArn: string, hint = '') =>
    new NoSuchEntityException(`Policy ${policyArn} was not found.${hint}`),
  /** Recorded (AttachRolePolicy of a missing policy); ListEntitiesForPolicy as well. */
  policyNotAttachable: (policyArn: string, hint = '') =>
    new NoSuchEntityException(`Policy ${policyArn} does not exist or is not attachable.${hint}`),
  /** [unverified] modelled on the recorded not-attachable wording. */
  policyVersionNotFound: (policyArn: string, versionId: string, hint = '') =>
    new NoSuchEntityException(`Policy ${policyArn} version ${versionId} does not exist or is not attachable.${hint}`),
  /** garnaat/kappa#17, terraform-aws-modules/terraform-aws-ecs#363. */
  roleExists: (roleName: string) => new EntityAlreadyExistsException(`Role with name ${roleName} already exists.`),
  /** konstructio/kubefirst#855, Aabyss-Team/awsKeyTools#13. */
  policyExists: (policyName: string) =>
    new EntityAlreadyExistsException(`A policy called ${policyName} already exists. Duplicate names are not allowed.`),
  /** "Cannot exceed quota for PoliciesPerRole: 10" (aws/eks-hybrid#741), "… for PolicySize: 5120"
   * (docker/docs#4685); [unverified] the quota names RolesPerAccount, PoliciesPerAccount and TagsPerRole. */
  quotaExceeded: (quotaName: string, limit: number) =>
    new LimitExceededException(`Cannot exceed quota for ${quotaName}: ${limit}`),
  /** The policy validator's own wording (emulator/auth/policy), which follows IAM's recorded messages. */
  malformedPolicyDocument: (message: string) => new MalformedPolicyDocumentException(message),
  /** Recorded (localstack's IAM snapshots): a trust policy that is not JSON. */
  trustPolicyInvalidJson: () => new MalformedPolicyDocumentException('This policy contains invalid Json'),
  /** Recorded (localstack's IAM snapshots): a trust policy statement with an action outside STS. */
  trustPolicyNonStsAction: () =>
    new MalformedPolicyDocumentException('AssumeRole policy may only specify STS AssumeRole actions.'),
  /** [unverified] wording: no capture of IAM's refusal exists; the rule is documented (see checkTrustPolicy). */
  cognitoTrustWithoutCondition: () =>
    new MalformedPolicyDocumentException(
      'A trust policy statement that trusts the identity pool service principal cognito-identity.amazonaws.com ' +
        'must have a condition, such as cognito-identity.amazonaws.com:aud.',
    ),
  /** 99designs/iamy#21. */
  tooManyPolicyVersions: (limit: number) =>
    new LimitExceededException(
      `A managed policy can have up to ${limit} versions. Before you create a new version, you must delete an ` +
        'existing version.',
    ),
  /** aws/aws-cdk#12403, serverless/serverless#7643. */
  roleInlinePoliciesTooLarge: (limit: number, roleName: string) =>
    new LimitExceededException(`Maximum policy size of ${limit} bytes exceeded for role ${roleName}`),
  /** hashicorp/boundary#5646. */
  roleHasAttachedPolicies: () => new DeleteConflictException('Cannot delete entity, must detach all policies first.'),
  /** awslabs/aws-orbit-workbench#633. */
  roleHasInlinePolicies: () => new DeleteConflictException('Cannot delete entity, must delete policies first.'),
  /** serverless/components#312. */
  policyAttached: () => new DeleteConflictException('Cannot delete a policy attached to entities.'),
  /** rebuy-de/aws-nuke#1. */
  policyHasVersions: () =>
    new DeleteConflictException(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. " +
        'The default version is deleted with the policy.',
    ),
  /** redradrat/aws-iam-operator#13, byu-oit/handel#140. */
  defaultVersionUndeletable: () => new DeleteConflictException('Cannot delete the default version of a policy.'),
  /** Role tag keys compare without case, managed policy tag keys with case; both wordings recorded from AWS. */
  duplicateTagKeys: (caseInsensitive: boolean) =>
    new InvalidInputException(
      caseInsensitive
        ? 'Duplicate tag keys found. Please note that Tag keys are case insensitive.'
        : 'Duplicate tag keys found.',
    ),
  /** Recorded (test_role_attach_policy), two spaces included: text that is no ARN at all. */
  unparsableArn: () => new IamValidationError('Invalid ARN:  Could not be parsed!'),
  /** [unverified] An ARN that names no policy. */
  invalidPolicyArn: (arn: string) => new IamValidationError(`ARN ${arn} is not valid.`),
  /** [unverified] IAM's answer to a marker it never gave; the wording other emulators settled on. */
  invalidMarker: () => new IamValidationError('Invalid Marker.'),
  /** idpool's own: what it does not emulate is refused rather than accepted and ignored. */
  permissionsBoundaryUnsupported: () =>
    new UnsupportedFeatureException(
      'permissions boundaries (CreateRole PermissionsBoundary): idpool does not apply them when it evaluates ' +
        'policies, so the role would be allowed more than on AWS.',
    ),
  /** Changing an AWS managed policy: AWS refuses it as an authorization failure, since the policy belongs to the
   * `aws` account [unverified: wording modelled on IAM's AccessDenied messages]. */
  awsManagedPolicyReadOnly: (callerArn: string, action: string, policyArn: string) =>
    new AccessDeniedException(
      `User: ${callerArn} is not authorized to perform: iam:${action} on resource: policy ${policyArn}`,
    ),
} as const;
