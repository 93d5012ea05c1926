import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { awsIdentifier } from '../../../auth/session-credentials.js';
import { packageRoot } from '../../../package-root.js';
import type { EmulatorRuntime } from '../../../runtime.js';
import type { RoleSession } from '../../../store/auth-store.js';
import { CodeFolders } from './code-folders.js';
import type { LaunchedWorker, PoolSpec, WorkerFactory } from './function-pool.js';
import { FunctionWorker } from './function-worker.js';
import { workerEnvironment } from './worker-environment.js';

/** Plain JavaScript outside the TypeScript build, found from the sources and from dist/ alike. */
export const bootstrapPath = join(packageRoot, 'emulator', 'services', 'lambda', 'runtime', 'bootstrap.mjs');

/** How long the credentials of a worker's execution role last [unverified: Lambda refreshes them itself]. */
const roleSessionSeconds = 12 * 3600;

/** The `@aws-sdk` folder idpool itself uses, offered to functions as Lambda's Node.js runtimes include the SDK. */
function bundledSdkScope(): string | undefined {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve('@aws-sdk/client-sts'));
    while (basename(dir) !== '@aws-sdk') {
      if (dirname(dir) === dir) return undefined;
      dir = dirname(dir);
    }
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Starts workers: their code folder, their own temp folder, credentials of the function's execution role (session
 * name = function name) and the environment Lambda gives a function. Everything lives in one private temp folder
 * (`/tmp/idpool-lambda-…`: `code/`, `tmp/`, `node_modules/@aws-sdk`), removed by `removeAll`.
 */
export class WorkerLauncher implements WorkerFactory {
  readonly codeFolders: CodeFolders;
  private tempRoot: string | undefined;
  private stopped = false;

  constructor(private readonly runtime: EmulatorRuntime) {
    this.codeFolders = new CodeFolders(
      () => this.root(),
      (sha256) => runtime.lambdaStore.code(sha256),
    );
  }

  launch(spec: PoolSpec): LaunchedWorker {
    if (this.stopped) throw new Error('the emulator is stopping');
    const root = this.root();
    const codeDir = this.codeFolders.acquire({ accountId: spec.accountId, region: spec.region, name: spec.functionName }, spec.codeSha256);
    const workerId = randomUUID().replaceAll('-', '');
    const tmpDir = join(root, 'tmp', workerId);
    mkdirSync(tmpDir, { recursive: true });
    const credentials = this.runtime.credentials.issue({ accountId: spec.accountId, session: this.roleSession(spec), durationSeconds: roleSessionSeconds });
    const day = this.runtime.clock.now().toISOString().slice(0, 10).replaceAll('-', '/');
    const env = workerEnvironment(spec, {
      codeDir,
      runtimeDir: dirname(bootstrapPath),
      tmpDir,
      logStream: `${day}/[${spec.version}]${workerId}`,
      nodePath: [join(root, 'node_modules')],
      credentials,
      endpointUrl: this.runtime.url,
    });
    const log = this.runtime.log;
    const worker = new FunctionWorker({
      bootstrapPath,
      codeDir,
      env,
      memorySize: spec.memorySize,
      onOutput: (text) => {
        if (!log.enabled('info')) return;
        for (const line of text.split('\n')) if (line !== '') log.info(`[lambda ${spec.functionName}] ${line}`);
      },
    });
    worker.onExit(() => {
      this.codeFolders.release(codeDir);
      rmSync(tmpDir, { recursive: true, force: true });
    });
    return { worker, environmentKey: spec.environmentKey, credentialsExpireAt: credentials.expiresAt, cold: true };
  }

  /** Code folders go (workers still running keep theirs open until they exit). */
  removeCode(): void {
    this.codeFolders.forgetAll();
    if (this.tempRoot) rmSync(join(this.tempRoot, 'code'), { recursive: true, force: true });
  }

  /** No more workers; the whole temp folder goes. */
  removeAll(): void {
    this.stopped = true;
    this.codeFolders.forgetAll();
    if (this.tempRoot) rmSync(this.tempRoot, { recursive: true, force: true });
    this.tempRoot = undefined;
  }

  private roleSession(spec: PoolSpec): RoleSession {
    const role = this.runtime.iam.findRoleByArn(spec.roleArn);
    const roleName = role?.roleName ?? spec.roleArn.slice(spec.roleArn.lastIndexOf('/') + 1);
    if (!role) this.runtime.log.warn(`[lambda ${spec.functionName}] execution role ${spec.roleArn} no longer exists; its credentials name it anyway`);
    return {
      roleArn: spec.roleArn,
      roleName,
      roleId: role?.roleId ?? awsIdentifier('AROA', 21),
      sessionName: spec.functionName,
      assumedRoleArn: `arn:aws:sts::${spec.accountId}:assumed-role/${roleName}/${spec.functionName}`,
    };
  }

  private root(): string {
    if (!this.tempRoot) {
      this.tempRoot = mkdtempSync(join(tmpdir(), 'idpool-lambda-'));
      const sdk = bundledSdkScope();
      if (sdk) {
        mkdirSync(join(this.tempRoot, 'node_modules'), { recursive: true });
        symlinkSync(sdk, join(this.tempRoot, 'node_modules', '@aws-sdk'), 'dir');
      }
    }
    return this.tempRoot;
  }
}
