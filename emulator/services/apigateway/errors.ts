import { AwsError } from '../../errors.js';

/**
 * The control plane's errors, as API Gateway writes them: status from the model, `x-amzn-ErrorType: <Code>` and
 * `{"message": "…"}`. Messages are AWS's, quoted from real responses in public bug reports unless marked
 * [unverified] where they are used.
 */
export class NotFoundException extends AwsError {
  constructor(message: string) {
    super('NotFoundException', message, 404);
  }
}

export class BadRequestException extends AwsError {
  constructor(message: string) {
    super('BadRequestException', message, 400);
  }
}

export class ConflictException extends AwsError {
  constructor(message: string) {
    super('ConflictException', message, 409);
  }
}

export const notFound = {
  restApi: (accountId: string, apiId: string) =>
    new NotFoundException(`Invalid API identifier specified ${accountId}:${apiId}`),
  resource: () => new NotFoundException('Invalid Resource identifier specified'),
  method: () => new NotFoundException('Invalid Method identifier specified'),
  integration: () => new NotFoundException('Invalid Integration identifier specified'),
  /** Both a missing method response and a missing integration response answer this. */
  responseStatusCode: () => new NotFoundException('Invalid Response status code specified'),
  deployment: () => new NotFoundException('Invalid Deployment identifier specified'),
  stage: () => new NotFoundException('Invalid stage identifier specified'),
} as const;

/** `Invalid mapping expression specified: …` as PutIntegrationResponse refuses a responseParameters entry. */
export function invalidMappingExpression(error: string): BadRequestException {
  return new BadRequestException(
    `Invalid mapping expression specified: Validation Result: warnings : [], errors : [${error}]`,
  );
}
