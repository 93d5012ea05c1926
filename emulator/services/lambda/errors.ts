import { AwsError, ValidationException } from '../../errors.js';

/**
 * Lambda's errors as its restJson1 endpoint writes them: `x-amzn-ErrorType: <shape>` and a body carrying
 * `"Type":"User"` besides the message, e.g. (captured from a real 404):
 *   {"Message":"Function not found: arn:aws:lambda:us-east-1:111111111111:function:my-fn:active","Type":"User"}
 * ResourceNotFoundException and ServiceException name the member `Message`, the others `message` (as the model does).
 */
abstract class LambdaUserError extends AwsError {
  constructor(code: string, message: string, status: number, extra: { fields?: Record<string, unknown>; messageMember?: string } = {}) {
    super(code, message, status, { fields: { Type: 'User', ...extra.fields }, messageMember: extra.messageMember });
  }
}

export class ResourceNotFoundException extends LambdaUserError {
  constructor(message: string) {
    super('ResourceNotFoundException', message, 404, { messageMember: 'Message' });
  }

  /** `arn` is the ARN as the caller qualified it (`…:function:name` or `…:function:name:qualifier`). */
  static functionNotFound(arn: string): ResourceNotFoundException {
    return new ResourceNotFoundException(`Function not found: ${arn}`);
  }
}

export class ResourceConflictException extends LambdaUserError {
  constructor(message: string) {
    super('ResourceConflictException', message, 409);
  }
}

export class InvalidParameterValueException extends LambdaUserError {
  constructor(message: string) {
    super('InvalidParameterValueException', message, 400);
  }
}

/** The same code without `"Type":"User"`, as recorded for PutFunctionConcurrency's account limit. */
export class UntypedInvalidParameterValueException extends AwsError {
  constructor(message: string) {
    super('InvalidParameterValueException', message, 400);
  }
}

/**
 * A function ARN of another account: recorded as a bare 403 `AccessDeniedException` whose message is null
 * (test_function_arns::function_arn_other_account_exc).
 */
export class LambdaAccessDeniedException extends AwsError {
  constructor() {
    super('AccessDeniedException', '', 403, { fields: { Message: null }, messageMember: 'Message' });
  }
}

export class PreconditionFailedException extends LambdaUserError {
  constructor(message = 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id') {
    super('PreconditionFailedException', message, 412);
  }
}

export class PolicyLengthExceededException extends LambdaUserError {
  constructor(size: number, limit: number) {
    super('PolicyLengthExceededException', `The final policy size (${size}) is bigger than the limit (${limit}).`, 400);
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
    super('RequestTooLargeException', `Request must be smaller than ${limitBytes} bytes for the InvokeFunction operation`, 413);
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

/** A range Lambda enforces beyond the model's (Timeout ≤ 900, MemorySize ≤ 10240), in the protocol's wording. */
export function valueAbove(member: string, value: number, max: number): ValidationException {
  return new ValidationException(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
}
