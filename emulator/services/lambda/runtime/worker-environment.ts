import { dirname } from 'node:path';
import type { IssuedCredentialRecord } from '../../../store/auth-store.js';

/** What a worker needs to know of the function version it runs. */
export interface EnvironmentSpec {
  accountId: string;
  region: string;
  functionName: string;
  /** `$LATEST` or a version number. */
  version: string;
  runtime: string;
  handler: string;
  memorySize: number;
  logGroup: string;
  /** The function's own variables. */
  variables: Record<string, string>;
}

export interface WorkerPlacement {
  codeDir: string;
  /** Where the runtime itself lives (Lambda's /var/runtime): the folder of bootstrap.mjs. */
  runtimeDir: string;
  tmpDir: string;
  logStream: string;
  /** Folders searched for bare module names (the AWS SDK that Lambda's Node.js runtimes include). */
  nodePath: string[];
  credentials: IssuedCredentialRecord;
  /** The emulator's URL: the function's own SDK calls go there (AWS_ENDPOINT_URL). */
  endpointUrl: string;
}

/** Lambda's PATH (`/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin`), with the folder of this Node.js first. */
function lambdaPath(): string {
  const dirs = [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'];
  return dirs.filter((dir, index) => dirs.indexOf(dir) === index).join(':');
}

/**
 * The environment Lambda gives a function: its own variables plus the reserved ones, the execution role's
 * credentials, and nothing of the emulator's own environment (not even its PATH).
 */
export function workerEnvironment(spec: EnvironmentSpec, placement: WorkerPlacement): Record<string, string> {
  return {
    PATH: lambdaPath(),
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    NODE_PATH: [...placement.nodePath, placement.codeDir].join(':'),
    TMPDIR: placement.tmpDir,
    AWS_ENDPOINT_URL: placement.endpointUrl,
    ...spec.variables,
    _HANDLER: spec.handler,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: spec.version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: spec.logGroup,
    AWS_LAMBDA_LOG_STREAM_NAME: placement.logStream,
    AWS_ACCESS_KEY: placement.credentials.accessKeyId,
    AWS_ACCESS_KEY_ID: placement.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: placement.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: placement.credentials.sessionToken,
    LAMBDA_TASK_ROOT: placement.codeDir,
    LAMBDA_RUNTIME_DIR: placement.runtimeDir,
  };
}
