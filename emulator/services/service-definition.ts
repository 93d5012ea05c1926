import type { ServiceModel } from '../protocols/service-model.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { RequestContext } from '../request-context.js';

export type Protocol = 'awsJson1_1' | 'awsQuery' | 'restJson1';

/**
 * What an operation knows of the request that called it (never the HTTP request itself): the request's context,
 * authenticated, and the emulator's services.
 */
export interface OperationContext extends RequestContext {
  runtime: EmulatorRuntime;
  /** The operations AWS serves unsigned (GetId, …) have no caller. */
  caller: RequestContext['caller'];
}

/** An operation: the SDK's input type in, the SDK's output shape out. */
export type Operation<Input, Output> = (input: Input, context: OperationContext) => Output | Promise<Output>;

// The table's handlers take each operation's own input type; the protocol layer has validated the input against
// the model before the call, so the table is typed loosely here and precisely in each operation file.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationTable = Record<string, Operation<any, unknown>>;

export interface ServiceDefinition {
  /** The model's file name, also the service's name in the README coverage table. */
  name: string;
  model: ServiceModel;
  protocol: Protocol;
  /** The service name in a SigV4 credential scope. */
  signingName: string;
  /** The operations idpool emulates; the model's other operations answer UnsupportedOperation. */
  operations: OperationTable;
  /** The error code for a broken model constraint (`ValidationException`, IAM's `ValidationError`, …). */
  validationErrorCode: string;
  /** What a broken constraint's member path starts with, when the service names the operation's input there
   * (API Gateway: `putIntegrationInput.`). */
  validationMemberPrefix?: (operationName: string) => string;
  /** False where the service's validation messages leave the offending value out (`Value at 'x' failed …`). */
  validationEchoesValues?: boolean;
}
