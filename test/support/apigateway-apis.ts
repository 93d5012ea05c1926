import { AwsError } from '../../emulator/errors.js';
import { createRestApi } from '../../emulator/services/apigateway/create-rest-api.js';
import type { CallContext, OperationFactory } from '../../emulator/services/service-definition.js';
import { ApiGatewayStore } from '../../emulator/store/apigateway-store.js';
import { Database } from '../../emulator/store/database.js';
import { callContext } from './call-context.js';

/** An API Gateway store on a fresh in-memory database, for unit tests of the control plane's operations. */
export function apiGatewayStore(): ApiGatewayStore {
  return new ApiGatewayStore(Database.open());
}

/**
 * An operation's handler over the store, answering at once as every control-plane operation does (a promise is a
 * failure); the context is the default account's unless given.
 */
export function operation<Input, Output>(
  factory: OperationFactory<'apigateway', Input, Output>,
  apigateway: ApiGatewayStore,
): (input: Input, context?: CallContext) => Output {
  const handler = factory.build({ apigateway });
  return (input, context = callContext()) => {
    const output = handler(input, context);
    if (output instanceof Promise) throw new Error('the operation answered with a promise');
    return output;
  };
}

/** A REST API of the default account made by CreateRestApi itself, answering its id and root resource id. */
export function restApi(apigateway: ApiGatewayStore, name = 'api'): { apiId: string; rootId: string } {
  const api = operation(createRestApi, apigateway)({ name });
  return { apiId: api.id as string, rootId: api.rootResourceId as string };
}

/** Runs `call`, answering the AWS error it throws (code, status, message); fails if it throws none or another. */
export function refusal(call: () => unknown): { code: string; status: number; message: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof AwsError) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}
