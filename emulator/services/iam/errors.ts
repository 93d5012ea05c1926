import { AwsError } from '../../errors.js';

/**
 * IAM's errors, by model shape name, with AWS's wording. Sources for the messages: captures of real IAM responses
 * recorded against AWS in 2026 (localstack's tests/aws/services/iam/*.snapshot.json) and error bodies quoted in
 * public bug reports; the ones nobody has seen are marked [unverified] where they are made.
 */
export class NoSuchEntityException extends AwsError {
  constructor(message: string) {
    super('NoSuchEntity', message, 404);
  }

  static role(roleName: string): NoSuchEntityException {
    return new NoSuchEntityException(`The role with name ${roleName} cannot be found.`);
  }

  static rolePolicy(policyName: string): NoSuchEntityException {
    return new NoSuchEntityException(`The role policy with name ${policyName} cannot be found.`);
  }

  /** GetPolicy, DeletePolicy, DetachRolePolicy (not attached), tagging: the policy is not there. */
  static policy(policyArn: string, hint = ''): NoSuchEntityException {
    return new NoSuchEntityException(`Policy ${policyArn} was not found.${hint}`);
  }

  /** AttachRolePolicy, ListEntitiesForPolicy: the policy is not there. */
  static notAttachable(policyArn: string, hint = ''): NoSuchEntityException {
    return new NoSuchEntityException(`Policy ${policyArn} does not exist or is not attachable.${hint}`);
  }

  static policyVersion(policyArn: string, versionId: string, hint = ''): NoSuchEntityException {
    return new NoSuchEntityException(`Policy ${policyArn} version ${versionId} does not exist or is not attachable.${hint}`);
  }
}

export class EntityAlreadyExistsException extends AwsError {
  constructor(message: string) {
    super('EntityAlreadyExists', message, 409);
  }
}

export class DeleteConflictException extends AwsError {
  constructor(message: string) {
    super('DeleteConflict', message, 409);
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string) {
    super('LimitExceeded', message, 409);
  }

  static quota(name: string, limit: number): LimitExceededException {
    return new LimitExceededException(`Cannot exceed quota for ${name}: ${limit}`);
  }
}

export class MalformedPolicyDocumentException extends AwsError {
  constructor(message: string) {
    super('MalformedPolicyDocument', message, 400);
  }
}

export class InvalidInputException extends AwsError {
  constructor(message: string) {
    super('InvalidInput', message, 400);
  }
}

/** IAM's own input checks beyond the model's constraints (an ARN that is not one, a bad marker). */
export class IamValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', message, 400);
  }
}

/**
 * Changing an AWS managed policy: AWS refuses it as an authorization failure, since the policy belongs to the
 * `aws` account [unverified: wording modelled on IAM's AccessDenied messages].
 */
export class AccessDeniedException extends AwsError {
  constructor(callerArn: string, action: string, resourceArn: string) {
    super('AccessDenied', `User: ${callerArn} is not authorized to perform: iam:${action} on resource: policy ${resourceArn}`, 403);
  }
}
