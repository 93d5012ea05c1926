import { AwsError, ValidationException } from '../../errors.js';

/**
 * Lambda's errors as its restJson1 endpoint writes them: `x-amzn-ErrorType: <shape>` and a body carrying
 * `"Type":"User"` besides the message, e.g. (captured from a real 404):
 *   {"Message":"Function not found: arn:aws:lambda:us-east-1:111111111111:function:my-fn:active","Type":"User"}
 * ResourceNotFoundException and ServiceException name the member `Message`, the others `message` (as the model does).
 */
abstract class LambdaUserError extends AwsError {
  constructor(
    code: string,
    message: string,
    status: number,
    extra: { fields?: Record<string, unknown>; messageMember?: string } = {},
  ) {
    super(code, message, status, { fields: { Type: 'User', ...extra.fields }, messageMember: extra.messageMember });
  }
}

class ResourceNotFoundException extends LambdaUserError {
  constructor(message: string) {
    super('ResourceNotFoundException', message, 404, { messageMember: 'Message' });
  }
}

class ResourceConflictException extends LambdaUserError {
  constructor(message: string) {
    super('ResourceConflictException', message, 409);
  }
}

class InvalidParameterValueException extends LambdaUserError {
  constructor(message: string) {
    super('InvalidParameterValueException', message, 400);
  }
}

/** The same code without `"Type":"User"`, as recorded for PutFunctionConcurrency's account limit. */
class UntypedInvalidParameterValueException extends AwsError {
  constructor(message: string) {
    super('InvalidParameterValueException', message, 400);
  }
}

/**
 * A function ARN of another account: recorded as a bare 403 `AccessDeniedException` whose message is null
 * (test_function_arns::function_arn_other_account_exc).
 */
class LambdaAccessDeniedException extends AwsError {
  constructor() {
    super('AccessDeniedException', '', 403, { fields: { Message: null }, messageMember: 'Message' });
  }
}

class PreconditionFailedException extends LambdaUserError {
  constructor(message: string) {
    super('PreconditionFailedException', message, 412);
  }
}

class PolicyLengthExceededException extends LambdaUserError {
  constructor(message: string) {
    super('PolicyLengthExceededException', message, 400);
  }
}

export type ThrottleReason = 'ConcurrentInvocationLimitExceeded' | 'ReservedFunctionConcurrentInvocationLimitExceeded';

/** Lambda throttling an invocation: `{"Reason":"…","Type":"User","message":"Rate Exceeded."}`. */
export class TooManyRequestsException extends LambdaUserError {
  constructor(readonly reason: ThrottleReason) {
    super('TooManyRequestsException', 'Rate Exceeded.', 429, { fields: { Reason: reason } });
  }
}

export class RequestTooLargeException extends LambdaUserError {
  constructor(limitBytes: number) {
    super(
      'RequestTooLargeException',
      `Request must be smaller than ${limitBytes} bytes for the InvokeFunction operation`,
      413,
    );
  }
}

export class InvalidRequestContentException extends LambdaUserError {
  constructor(message: string) {
    super('InvalidRequestContentException', message, 400);
  }
}

/**
 * "Lambda could not unzip the deployment package" (the model's 502 fault of Invoke): a package the upload checks
 * never saw, such as one imported with the state. [unverified] the message Lambda writes.
 */
export class InvalidZipFileException extends LambdaUserError {
  constructor(reason: string) {
    super('InvalidZipFileException', `Lambda could not unzip the deployment package: ${reason}`, 502);
  }
}

const pendingPrefix = 'The operation cannot be performed at this time.';

/**
 * The messages Lambda answers, by situation. "Recorded" names LocalStack's recordings of real AWS
 * (tests/aws/services/lambda_/test_lambda_api.snapshot.json, excerpts in test/fixtures/aws-recorded/lambda/).
 */
export const lambdaErrors = {
  /** Captured from a real 404; `arn` as the caller qualified it (`…:function:name[:qualifier]`). */
  functionNotFound: (arn: string) => new ResourceNotFoundException(`Function not found: ${arn}`),
  /** Recorded (test_function_arns): a FunctionName of another account, a bare 403 whose message is null. */
  otherAccount: () => new LambdaAccessDeniedException(),
  /** Recorded (test_get_function_wrong_region). */
  otherRegion: (region: string, current: string) =>
    new ResourceNotFoundException(`Functions from '${region}' are not reachable in this region ('${current}')`),
  /** [unverified] wording; the model's pattern has usually refused such a name first. */
  invalidFunctionName: (name: string) => new InvalidParameterValueException(`Invalid function name: ${name}`),
  /** Recorded (test_ops_with_arn_qualifier_mismatch). */
  qualifierMismatch: () =>
    new InvalidParameterValueException(
      'The derived qualifier from the function name does not match the specified qualifier.',
    ),
  /** Recorded (test_function_arns): a function's own name is at most `max` characters. */
  nameTooLong: (functionName: string, max: number) =>
    new InvalidParameterValueException(
      `1 validation error detected: Value '${functionName}' at 'functionName' failed to satisfy constraint: ` +
        `Member must have length less than or equal to ${max}`,
    ),
  /** [unverified] wording. */
  functionExists: (name: string) => new ResourceConflictException(`Function already exist: ${name}`),
  /** [unverified] wording. */
  runtimeAndHandlerRequired: () =>
    new InvalidParameterValueException(
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    ),
  /** [unverified] Lambda's wording when no code source is given. */
  noCodeSource: () => new InvalidParameterValueException('Please provide a source for function code.'),
  /** Recorded (test_create_lambda_exceptions::invalid_runtime_exc); `runtimes` in Lambda's order. */
  unknownRuntime: (runtime: string, runtimes: readonly string[]) =>
    new InvalidParameterValueException(
      `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: ` +
        `[${runtimes.join(', ')}] or be a valid ARN`,
    ),
  /** [unverified] wording, as Lambda answers a deprecated runtime. */
  blockedRuntime: (runtime: string) =>
    new InvalidParameterValueException(
      `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. ` +
        'We recommend you use a supported runtime while creating or updating functions.',
    ),
  /** [unverified] wording. */
  roleNotAssumable: () =>
    new InvalidParameterValueException('The role defined for the function cannot be assumed by Lambda.'),
  /** [unverified] wording. */
  reservedEnvironmentKeys: (keys: readonly string[]) =>
    new InvalidParameterValueException(
      'Lambda was unable to configure your environment variables because the environment variables you have ' +
        'provided contains reserved keys that are currently not supported for modification. Reserved keys used in ' +
        `this request: ${keys.join(',')}`,
    ),
  /** Recorded (test_large_environment_variables_fails): AWS quotes the variables' JSON it measured. */
  environmentTooLarge: (measured: string) =>
    new InvalidParameterValueException(
      'Lambda was unable to configure your environment variables because the environment variables you have ' +
        `provided exceeded the 4KB limit. String measured: ${measured}`,
    ),
  /** Recorded: TestLambdaSizeLimits::test_oversized_unzipped_lambda (400). */
  unzippedTooLarge: (max: number) =>
    new InvalidParameterValueException(`Unzipped size must be smaller than ${max} bytes`),
  /** Recorded (test_create_lambda_exceptions). */
  unreadableZip: () =>
    new InvalidParameterValueException(
      'Could not unzip uploaded file. Please check your file, then try to upload again.',
    ),
  /** idpool's own limit (Lambda documents none): named as such. */
  tooManyZipEntries: (max: number, count: number) =>
    new InvalidParameterValueException(`idpool extracts packages of at most ${max} entries; this one has ${count}`),
  /** Recorded (test_function_revisions_basic): a RevisionId that is not the current one. */
  revisionMismatch: () =>
    new PreconditionFailedException(
      'The Revision Id provided does not match the latest Revision Id. ' +
        'Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    ),
  /** Recorded (test_lambda_concurrent_code_updates); captured for PublishVersion (aws/aws-cli#6718). */
  updateInProgress: (unqualifiedArn: string) =>
    new ResourceConflictException(`${pendingPrefix} An update is in progress for resource: ${unqualifiedArn}`),
  /** Captured (aws/serverless-application-model#2356): a change while the function is still Pending. */
  changeWhilePending: (unqualifiedArn: string) =>
    new ResourceConflictException(
      `${pendingPrefix} The resource ${unqualifiedArn} is currently in the following state: 'Pending'. ` +
        "StateReasonCode: 'Creating'",
    ),
  /** Captured (remotion-dev/remotion#1186): invoking a Pending function. */
  invokeWhilePending: () =>
    new ResourceConflictException(`${pendingPrefix} The function is currently in the following state: Pending`),
  /** Recorded (test_publish_with_wrong_sha256). */
  codeShaMismatch: (given: string, latest: string) =>
    new InvalidParameterValueException(
      `CodeSHA256 (${given}) is different from current CodeSHA256 in $LATEST (${latest}). ` +
        'Please try again with the CodeSHA256 in $LATEST.',
    ),
  /** Recorded (test_ops_with_arn_qualifier_mismatch[delete_function]). */
  deleteLatest: () =>
    new InvalidParameterValueException('$LATEST version cannot be deleted without deleting the function.'),
  /** [unverified] wording. */
  deleteAlias: () => new InvalidParameterValueException('Deletion of aliases is not currently supported.'),
  /** Recorded (test_permission_exceptions): aliases are not emulated, so an alias name finds none. */
  aliasNotFound: (requestedArn: string) => new ResourceNotFoundException(`Cannot find alias arn: ${requestedArn}`),
  /** Recorded (test_permission_exceptions). */
  policyOnLatest: () => new InvalidParameterValueException('We currently do not support adding policies for $LATEST.'),
  /** Recorded (test_permission_exceptions). */
  statementExists: (sid: string) =>
    new ResourceConflictException(
      `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the ` +
        'existing statement.',
    ),
  /** [unverified] wording. */
  policyTooLarge: (size: number, limit: number) =>
    new PolicyLengthExceededException(`The final policy size (${size}) is bigger than the limit (${limit}).`),
  /** Recorded (test_permission_exceptions). */
  invalidPrincipal: () =>
    new InvalidParameterValueException('The provided principal was invalid. Please check the principal and try again.'),
  /** Recorded (test_permission_exceptions, test_remove_multi_permissions): GetPolicy finding none. */
  noPolicy: () => new ResourceNotFoundException('The resource you requested does not exist.'),
  /** Recorded (test_permission_exceptions): RemovePermission on a version that does not exist. */
  noPolicyFor: (requestedArn: string) => new ResourceNotFoundException(`No policy found for: ${requestedArn}`),
  /** Recorded (test_permission_exceptions). */
  emptyPolicy: () => new ResourceNotFoundException('No policy is associated with the given resource.'),
  /** Recorded (test_remove_multi_permissions). */
  statementNotFound: (sid: string) =>
    new ResourceNotFoundException(`Statement ${sid} is not found in resource policy.`),
  /** Recorded (test_function_concurrency_exceptions). */
  concurrencyOnQualified: () =>
    new InvalidParameterValueException(
      'This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. ' +
        'Please specify either a function name or an unqualified function ARN.',
    ),
  /** Recorded (test_function_concurrency_limits), without `"Type":"User"`. */
  unreservedBelowMinimum: (minimum: number) =>
    new UntypedInvalidParameterValueException(
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution " +
        `below its minimum value of [${minimum}].`,
    ),
  /** Recorded (test_tag_limits): more than 50 tags, on TagResource or CreateFunction. */
  tooManyTags: () => new InvalidParameterValueException('Number of tags exceeds resource tag limit.'),
  /** Recorded (TestLambdaTags::test_tag_exceptions::tag_empty_tags): AWS's wording for an empty Tags map. */
  emptyTags: () => new InvalidParameterValueException('An error occurred and the request cannot be processed.'),
  /** Recorded (test_tag_exceptions, test_tag_versions). */
  tagsOnQualified: () =>
    new InvalidParameterValueException(
      'Tags on function aliases and versions are not supported. Please specify a function ARN.',
    ),
  /** idpool's own refusal: only functions are taggable here. */
  untaggableResource: (resource: string) =>
    new InvalidParameterValueException(`idpool emulates tags on functions only, not on ${resource}`),
  /** [unverified] Lambda's wording for a marker it did not issue. */
  invalidMarker: (marker: string) => new InvalidParameterValueException(`Invalid marker: ${marker}`),
  /** A range Lambda enforces beyond the model's (Timeout ≤ 900, MemorySize ≤ 10240), in the protocol's wording
   * [unverified: wording as the model's own range failures]. */
  valueAbove: (member: string, value: number, max: number) =>
    new ValidationException(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ` +
        `Member must have value less than or equal to ${max}`,
    ),
} as const;
