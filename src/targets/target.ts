import type { AwsCredentials, StackDescription } from '../../contracts/types.js';
import type { ClockControl } from './clock-control.js';

/**
 * How a target serves deployed APIs: AWS's own host names; `host`, `http://<api-id>.execute-api.localhost:<port>/<stage>/…`
 * (idpool connects to the endpoint and sends that Host); `path`,
 * `<endpoint>/restapis/<api-id>/<stage>/_user_request_/…`.
 */
export type ExecuteApiUrlStyle = 'aws' | 'host' | 'path';

type TargetKind = 'embedded' | 'endpoint' | 'localstack' | 'aws';

/** A started target: where to send requests and with which credentials. */
export interface TargetSession {
  name: string;
  kind: TargetKind;
  /** One line saying what runs where (`idpool emulator at http://127.0.0.1:43121`). */
  description: string;
  region: string;
  /** The single AWS-compatible endpoint; undefined for real AWS (each service's own endpoint). */
  endpoint: string | undefined;
  /** The developer's (backend) credentials; undefined means the SDK's default credential chain. */
  credentials: AwsCredentials | undefined;
  executeApiUrlStyle: ExecuteApiUrlStyle;
  clock: ClockControl;
  /** Real AWS: wait out IAM propagation and API Gateway throttling while provisioning. */
  eventuallyConsistent: boolean;
  /** A stack to check instead of provisioning one (`--stack FILE`). */
  existingStack?: Partial<StackDescription>;
  stop(): Promise<void>;
}

export interface Target {
  name: string;
  kind: TargetKind;
  /** Starts (or reaches) the target; throws TargetUnavailable when it cannot, saying why and how to fix it. */
  start(): Promise<TargetSession>;
}

/** The target cannot run here (no container runtime, no token, nothing listening, no consent): reported as not run. */
export class TargetUnavailable extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason}. ${fix}`);
    this.name = 'TargetUnavailable';
  }
}
