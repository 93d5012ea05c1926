import { authenticate } from '../auth/authenticate.js';
import type { Caller } from '../auth/caller.js';
import { headerValue } from '../auth/sigv4.js';
import { UnsupportedOperationException, ValidationException } from '../errors.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { OperationContext, ServiceDefinition } from '../services/service-definition.js';
import type { OperationModel } from './service-model.js';
import { validateInput, validationMessage } from './validate.js';
import type { IncomingRequest } from './wire.js';

/**
 * The steps every protocol shares once it knows the operation, in AWS's order: authenticate (unless the model
 * marks the operation unsigned), read the typed input (SerializationException), check the model's constraints
 * (the service's validation error), then run the operation.
 */
export async function invokeOperation(
  runtime: EmulatorRuntime,
  service: ServiceDefinition,
  operation: OperationModel,
  request: IncomingRequest,
  readInput: () => Record<string, unknown>,
): Promise<unknown> {
  let caller: Caller | undefined;
  let region = runtime.config.region;
  if (operation.authtype !== 'none') {
    const authentication = await authenticate(runtime, request, { service: service.signingName });
    caller = authentication.caller;
    region = authentication.authorization.region;
  }
  const handler = service.operations[operation.name];
  if (!handler) throw new UnsupportedOperationException(service.signingName, operation.name);
  const input = readInput();
  const failures = validateInput(service.model, operation.input, input, {
    echoValues: service.validationEchoesValues ?? true,
    memberPrefix: service.validationMemberPrefix?.(operation.name),
  });
  if (failures.length > 0) throw new ValidationException(validationMessage(failures), service.validationErrorCode);

  const context: OperationContext = {
    runtime,
    requestId: request.requestId,
    region,
    accountId: caller?.accountId ?? runtime.config.accountId,
    caller,
    now: request.receivedAt,
    sourceIp: request.sourceIp,
    userAgent: headerValue(request, 'user-agent') ?? '',
  };
  return handler(input, context);
}
