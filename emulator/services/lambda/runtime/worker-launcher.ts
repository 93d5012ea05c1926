import { randomUUID } from 'node:crypto';
import { chownSync, copyFileSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { awsIdentifier } from '../../../auth/session-credentials.js';
import { packageRoot } from '../../../package-root.js';
import type { RoleSession } from '../../../store/auth-store.js';
import { CodeFolders } from './code-folders.js';
import type { LaunchedWorker, PoolSpec, WorkerFactory } from './function-pool.js';
import { FunctionWorker } from './function-worker.js';
import type { LambdaHost } from './lambda-host.js';
import { createTempRoot } from './temp-root.js';
import { workerEnvironment } from './worker-environment.js';
import { reachableBy, unprivilegedUser, type WorkerUser } from './worker-user.js';

/** Plain JavaScript outside the TypeScript build, found from the sources and from dist/ alike. */
const bootstrapPath = join(packageRoot, 'emulator', 'services', 'lambda', 'runtime', 'bootstrap.mjs');

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
 * The user workers run as: when the emulator runs as root, an unprivileged one (`nobody`), as Lambda runs functions
 * as a non-root user, so a function can neither read the emulator's /proc/<pid>/environ nor signal it. Undefined
 * (workers run as the emulator's user) when not root, or when that user could not start Node.js from here.
 */
function chooseWorkerUser(runtime: LambdaHost, sdk: string | undefined): WorkerUser | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const user = unprivilegedUser();
  const unreachable = [
    ...(reachableBy(user, process.execPath, true) ? [] : [process.execPath]),
    ...(sdk === undefined || reachableBy(user, join(sdk, 'client-sts', 'package.json')) ? [] : [sdk]),
  ];
  if (unreachable.length === 0) return user;
  runtime.log.warn(
    `[lambda] running as root, but user ${user.name} cannot read ${unreachable.join(' and ')}: ` +
      "functions run as root, and can read the emulator's environment and signal it",
  );
  return undefined;
}

/**
 * Starts workers: their code folder, their own temp folder, credentials of the function's execution role (session
 * name = function name) and the environment Lambda gives a function. Everything lives in one private temp folder
 * (`/tmp/idpool-lambda-<pid>-…`: `runtime/`, `code/`, `tmp/`, `node_modules/@aws-sdk`), removed by `removeAll`;
 * the folders of emulators that died are removed when the next one starts.
 */
export class WorkerLauncher implements WorkerFactory {
  readonly codeFolders: CodeFolders;
  private tempRoot: string | undefined;
  private stopped = false;
  private retiredCode = 0;
  private readonly sdk = bundledSdkScope();
  private readonly user: WorkerUser | undefined;

  constructor(private readonly runtime: LambdaHost) {
    this.user = chooseWorkerUser(runtime, this.sdk);
    this.codeFolders = new CodeFolders(
      () => this.root(),
      (sha256) => runtime.lambdaStore.code(sha256),
      (key, names) => {
        const listed = names.slice(0, 10).join(', ');
        runtime.log.warn(
          `[lambda ${key.name}] package entries outside the function's folder or clashing, not extracted: ${listed}`,
        );
      },
    );
  }

  async launch(spec: PoolSpec): Promise<LaunchedWorker> {
    if (this.stopped) throw new Error('the emulator is stopping');
    const root = this.root();
    const key = { accountId: spec.accountId, region: spec.region, name: spec.functionName };
    const codeDir = await this.codeFolders.acquire(key, spec.codeSha256);
    if (this.stopped) {
      this.codeFolders.release(codeDir);
      throw new Error('the emulator is stopping');
    }
    const workerId = randomUUID().replaceAll('-', '');
    const tmpDir = join(root, 'tmp', workerId);
    mkdirSync(tmpDir, { mode: 0o700 });
    if (this.user) chownSync(tmpDir, this.user.uid, this.user.gid);
    const credentials = this.runtime.credentials.issue({
      accountId: spec.accountId,
      session: this.roleSession(spec),
      durationSeconds: roleSessionSeconds,
    });
    const day = this.runtime.clock.now().toISOString().slice(0, 10).replaceAll('-', '/');
    const runtimeBootstrap = join(root, 'runtime', basename(bootstrapPath));
    const env = workerEnvironment(spec, {
      codeDir,
      runtimeDir: dirname(runtimeBootstrap),
      tmpDir,
      logStream: `${day}/[${spec.version}]${workerId}`,
      nodePath: [join(root, 'node_modules')],
      credentials,
      endpointUrl: this.runtime.url,
    });
    const log = this.runtime.log;
    const worker = new FunctionWorker({
      bootstrapPath: runtimeBootstrap,
      codeDir,
      env,
      memorySize: spec.memorySize,
      user: this.user,
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
    const root = this.tempRoot;
    if (!root) return;
    // Moved aside at once, so that functions created right after (a reset, then a new stack) extract into a fresh
    // `code` folder that the removal below cannot reach; an extraction under way may write a little more before it
    // stops, hence the removal once they have.
    const retired = join(root, `code-retired-${++this.retiredCode}`);
    try {
      renameSync(join(root, 'code'), retired);
    } catch {
      return void this.codeFolders.forgetAll();
    }
    void this.codeFolders.forgetAll().then(() => rmSync(retired, { recursive: true, force: true }));
  }

  /** No more workers; the whole temp folder goes once the extractions under way have stopped. */
  async removeAll(): Promise<void> {
    this.stopped = true;
    await this.codeFolders.forgetAll();
    if (this.tempRoot) rmSync(this.tempRoot, { recursive: true, force: true });
    this.tempRoot = undefined;
  }

  private roleSession(spec: PoolSpec): RoleSession {
    const role = this.runtime.iam.findRoleByArn(spec.roleArn);
    const roleName = role?.roleName ?? spec.roleArn.slice(spec.roleArn.lastIndexOf('/') + 1);
    if (!role)
      this.runtime.log.warn(
        `[lambda ${spec.functionName}] execution role ${spec.roleArn} no longer exists; its credentials name it anyway`,
      );
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
      const root = createTempRoot(this.user !== undefined);
      // The runtime is copied in, so that a worker of another user needs no access to idpool's own folder.
      mkdirSync(join(root, 'runtime'), { mode: 0o755 });
      mkdirSync(join(root, 'tmp'), { mode: 0o711 });
      copyFileSync(bootstrapPath, join(root, 'runtime', basename(bootstrapPath)));
      if (this.sdk) {
        mkdirSync(join(root, 'node_modules'), { recursive: true, mode: 0o755 });
        symlinkSync(this.sdk, join(root, 'node_modules', '@aws-sdk'), 'dir');
      }
      this.tempRoot = root;
    }
    return this.tempRoot;
  }
}
