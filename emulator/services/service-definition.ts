import type { OpenIdTokens } from '../auth/openid-tokens.js';
import type { SessionCredentials } from '../auth/session-credentials.js';
import type { Clock } from '../clock.js';
import type { EmulatorConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { ServiceModel } from '../protocols/service-model.js';
import type { RequestContext } from '../request-context.js';
import type { ApiGatewayStore } from '../store/apigateway-store.js';
import type { CognitoStore } from '../store/cognito-store.js';
import type { Database } from '../store/database.js';
import type { IamStore } from '../store/iam-store.js';
import type { LambdaStore } from '../store/lambda-store.js';
import type { CodeLocations } from './lambda/code-location.js';
import type { LambdaWorkers } from './lambda/lambda-invoker.js';

type Protocol = 'awsJson1_1' | 'awsQuery' | 'restJson1';

/** What an operation knows of the request that called it (never the HTTP request itself), once authenticated. */
export interface CallContext extends RequestContext {
  /** The operations AWS serves unsigned (GetId, …) have no caller. */
  caller: RequestContext['caller'];
}

/** What operations use of the OpenID tokens: signing and verifying (an interface, so a unit test can fake it). */
export type TokenService = Pick<OpenIdTokens, 'sign' | 'verify'>;

/**
 * The emulator's services an operation may depend on. Each operation declares the few it uses and is given only
 * those, so its dependencies read from its first line and a unit test passes typed fakes for them.
 */
export interface EmulatorServices {
  config: EmulatorConfig;
  clock: Clock;
  log: Logger;
  db: Database;
  cognito: CognitoStore;
  iam: IamStore;
  apigateway: ApiGatewayStore;
  lambdaStore: LambdaStore;
  tokens: TokenService;
  credentials: SessionCredentials;
  lambda: LambdaWorkers;
  lambdaCode: CodeLocations;
}

export type ServiceName = keyof EmulatorServices;

/** An operation's code: the SDK's input type in, the SDK's output shape out. */
export type Handler<Input, Output> = (input: Input, context: CallContext) => Output | Promise<Output>;

/** An operation: the services it needs, and how to build its handler over them (once per emulator). */
export interface OperationFactory<Needs extends ServiceName, Input, Output> {
  readonly needs: readonly Needs[];
  build(services: Pick<EmulatorServices, Needs>): Handler<Input, Output>;
}

export function defineOperation<Needs extends ServiceName, Input, Output>(
  needs: readonly Needs[],
  build: (services: Pick<EmulatorServices, Needs>) => Handler<Input, Output>,
): OperationFactory<Needs, Input, Output> {
  return { needs, build };
}

// The table's entries take each operation's own input type; the protocol layer has validated the input against
// the model before the call, so the table is typed loosely here and precisely in each operation file.
// biome-ignore lint/suspicious/noExplicitAny: each entry's input type is its own operation's.
type AnyFactory = OperationFactory<ServiceName, any, unknown>;
export type OperationTable = Record<string, AnyFactory>;

/** A table entry's handler, built over only the services the operation named. */
export function bindOperation(
  entry: OperationTable[string],
  all: EmulatorServices,
): (input: unknown, context: CallContext) => unknown {
  const services = Object.fromEntries(entry.needs.map((name) => [name, all[name]])) as Pick<
    EmulatorServices,
    ServiceName
  >;
  return entry.build(services);
}

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
  /** Set while the operations (and the validation settings) are still to be loaded: awaited before they are read. */
  load?: () => Promise<void>;
}
