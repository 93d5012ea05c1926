import type { SessionCredentials } from '../../../auth/session-credentials.js';
import type { Clock } from '../../../clock.js';
import type { EmulatorConfig } from '../../../config.js';
import type { Logger } from '../../../logger.js';
import type { IamStore } from '../../../store/iam-store.js';
import type { LambdaStore } from '../../../store/lambda-store.js';

/**
 * What the Lambda runtime uses of the emulator: its settings, clock and log, the functions, the execution roles,
 * credentials for them, and the emulator's URL once it listens (the functions' AWS_ENDPOINT_URL).
 */
export interface LambdaHost {
  readonly config: Pick<EmulatorConfig, 'lambdaConcurrency' | 'lambdaWorkers'>;
  readonly clock: Clock;
  readonly log: Logger;
  readonly lambdaStore: LambdaStore;
  readonly iam: Pick<IamStore, 'findRoleByArn'>;
  readonly credentials: Pick<SessionCredentials, 'issue'>;
  readonly url: string;
}
