import { OpenIdTokens } from './auth/openid-tokens.js';
import { SessionCredentials } from './auth/session-credentials.js';
import type { Clock } from './clock.js';
import type { EmulatorConfig } from './config.js';
import type { Logger } from './logger.js';
import { RequestLogFile } from './request-log-file.js';
import { RequestLog } from './request-log.js';
import { ApiGatewayStore } from './store/apigateway-store.js';
import { AuthStore } from './store/auth-store.js';
import { CognitoStore } from './store/cognito-store.js';
import { Database } from './store/database.js';
import { IamStore } from './store/iam-store.js';
import { LambdaStore } from './store/lambda-store.js';
import { LazyLambdaRuntime } from './services/lambda/runtime/lazy-lambda-runtime.js';
import { LambdaCodeLinks } from './services/lambda/code-location.js';

/**
 * Everything the operations share for the life of one emulator: configuration, the clock, the state and the
 * services built on it. Operations receive it through their OperationContext; nothing here knows the wire.
 */
export class EmulatorRuntime {
  readonly db: Database;
  readonly auth: AuthStore;
  readonly iam: IamStore;
  readonly apigateway: ApiGatewayStore;
  readonly cognito: CognitoStore;
  readonly tokens: OpenIdTokens;
  readonly credentials: SessionCredentials;
  readonly lambdaStore: LambdaStore;
  /** Runs Lambda functions; API Gateway's AWS_PROXY integration invokes through it (a LambdaInvoker). */
  readonly lambda: LazyLambdaRuntime;
  /** GetFunction's Code.Location links, and the endpoint serving them. */
  readonly lambdaCode: LambdaCodeLinks;
  /** The last requests answered, with their decisions (`GET /_idpool/requests`); not state: a reset keeps it. */
  readonly requests: RequestLog;
  /** The emulator's own base URL once it listens (for JWKS and discovery documents). */
  url = '';
  /** Requests being handled now: the server counts them (`emulator/server.ts`), token signing reads them. */
  readonly inFlight = { count: 0 };

  constructor(
    readonly config: EmulatorConfig,
    readonly clock: Clock,
    readonly log: Logger,
  ) {
    this.db = Database.open(config.dataDir);
    this.auth = new AuthStore(this.db);
    this.iam = new IamStore(this.db);
    this.apigateway = new ApiGatewayStore(this.db);
    this.cognito = new CognitoStore(this.db);
    this.tokens = new OpenIdTokens(this.auth, clock, config.region, config.dataDir === undefined, this.inFlight);
    this.credentials = new SessionCredentials(this.auth, clock, this.iam);
    this.lambdaStore = new LambdaStore(this.db);
    this.lambda = new LazyLambdaRuntime(this);
    this.lambdaCode = new LambdaCodeLinks(this);
    const logFile = config.dataDir === undefined ? undefined : RequestLogFile.open(config.dataDir);
    this.requests = new RequestLog(config.requestLogSize, log, logFile);
  }

  /** Empties all state (signing keys stay, so the JWKS a client cached stays valid). */
  reset(): void {
    this.lambda.reset();
    this.db.reset();
  }

  async close(): Promise<void> {
    await this.lambda.close();
    await this.tokens.settled();
    this.requests.close();
    this.db.close();
  }
}
