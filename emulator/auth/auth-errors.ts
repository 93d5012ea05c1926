import { AwsError } from '../errors.js';

/**
 * The refusals of request authentication, as each protocol spells them. JSON services answer 400 with the
 * `…Exception` names; IAM and STS answer 403 with their own codes; Lambda and API Gateway answer 403.
 * Sources: docs/aws-behaviour.md (API Gateway table), the IAM/STS "Common Errors" pages.
 */
const jsonStatus400 = { awsJson1_1: { status: 400 } } as const;

export class MissingAuthenticationToken extends AwsError {
  constructor() {
    super('MissingAuthenticationTokenException', 'Missing Authentication Token', 403, {
      wire: { awsQuery: { code: 'MissingAuthenticationToken' }, ...jsonStatus400 },
    });
  }
}

export class IncompleteSignature extends AwsError {
  constructor(message: string) {
    super('IncompleteSignatureException', message, 400, {
      wire: { awsQuery: { code: 'IncompleteSignature' }, executeApi: { status: 403 } },
    });
  }
}

export class UnrecognizedClient extends AwsError {
  constructor() {
    super('UnrecognizedClientException', 'The security token included in the request is invalid.', 403, {
      wire: { awsQuery: { code: 'InvalidClientTokenId' }, ...jsonStatus400 },
    });
  }
}

export class InvalidSignature extends AwsError {
  constructor(message: string) {
    super('InvalidSignatureException', message, 403, {
      wire: { awsQuery: { code: 'SignatureDoesNotMatch' }, ...jsonStatus400 },
    });
  }
}

export class ExpiredToken extends AwsError {
  /** `expiredAt`: when the credentials expired (epoch ms, emulator clock). */
  constructor(expiredAt: number) {
    super('ExpiredTokenException', 'The security token included in the request is expired', 403, {
      wire: { awsQuery: { code: 'ExpiredToken' }, ...jsonStatus400 },
      expired: { what: 'credentials', expiredAt },
    });
  }
}

/**
 * IAM refusing an authenticated call (emulator/auth/authorize.ts), with AWS's "User: … is not authorized to perform:
 * …" message, as each protocol answers it. IAM and STS: `AccessDenied`, 403, in their XML (captured CLI output,
 * docs/aws-behaviour.md). Lambda: 403, `x-amzn-ErrorType: AccessDeniedException`, body `{"Message": …}` (a captured
 * body). API Gateway's control plane: `AccessDeniedException` 403 (captured code), the same body [unverified: the
 * member's case]. Cognito Identity: `AccessDeniedException` (captured CLI output), with HTTP 400 as its other client
 * errors [unverified].
 */
export class AccessDenied extends AwsError {
  constructor(message: string) {
    super('AccessDeniedException', message, 403, {
      wire: { awsQuery: { code: 'AccessDenied' }, ...jsonStatus400 },
      messageMember: 'Message',
    });
  }
}
