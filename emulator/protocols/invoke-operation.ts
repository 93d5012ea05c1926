import { authenticate } from '../auth/authenticate.js';
import { authorizeOperation } from '../auth/authorize.js';
import { UnsupportedOperationException, ValidationException } from '../errors.js';
import type { EmulatorRuntime } from '../runtime.js';
import { serviceAuthorizations } from '../services/authorization.js';
import { bindOperation, type ServiceDefinition } from '../services/service-definition.js';
import type { OperationModel } from './service-model.js';
import { validateInput, validationMessage } from './validate.js';
import type { IncomingRequest } from './wire.js';

/**
 * The steps every protocol shares once it knows the operation, in AWS's order: authenticate (unless the model
 * marks the operation unsigned), read the typed input (SerializationException), check the model's constraints
 * (the service's validation error), authorize the caller (emulator/auth/authorize.ts), then run the operation.
 */
export async function invokeOperation(
  runtime: EmulatorRuntime,
  service: ServiceDefinition,
  operation: OperationModel,
  request: IncomingRequest,
  readInput: () => Record<string, unknown>,
): Promise<unknown> {
  const { context } = request;
  const loading = service.load?.();
  if (loading) await loading;
  context.service = service.signingName;
  context.operation = operation.name;
  if (operation.authtype === 'none') {
    context.authentication = 'unsigned';
  } else {
    const authentication = await authenticate(runtime, request, { service: service.signingName });
    context.caller = authentication.caller;
    context.region = authentication.authorization.region;
    context.accountId = authentication.caller.accountId;
    context.authentication = 'sigv4';
  }
  const handler = boundHandler(runtime, service, operation.name);
  if (!handler) throw new UnsupportedOperationException(service.signingName, operation.name);
  const input = readInput();
  const failures = validateInput(service.model, operation.input, input, {
    echoValues: service.validationEchoesValues ?? true,
    memberPrefix: service.validationMemberPrefix?.(operation.name),
  });
  if (failures.length > 0) throw new ValidationException(validationMessage(failures), service.validationErrorCode);
  const authorization = serviceAuthorizations[service.signingName];
  if (authorization) authorizeOperation(runtime, authorization, operation.name, input, context);

  return handler(input, { ...context, caller: context.caller });
}

type BoundHandler = ReturnType<typeof bindOperation>;
const bound = new WeakMap<EmulatorRuntime, Map<ServiceDefinition, Map<string, BoundHandler>>>();

/** Each operation's handler is built once per emulator, over the services it named. */
function boundHandler(runtime: EmulatorRuntime, service: ServiceDefinition, name: string): BoundHandler | undefined {
  let services = bound.get(runtime);
  if (!services) bound.set(runtime, (services = new Map()));
  let handlers = services.get(service);
  if (!handlers) services.set(service, (handlers = new Map()));
  let handler = handlers.get(name);
  if (!handler) {
    const entry = service.operations[name];
    if (!entry) return undefined;
    handlers.set(name, (handler = bindOperation(entry, runtime)));
  }
  return handler;
}
