import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { evaluate } from '../../../auth/policy/index.js';
import type { PolicyDocument, PolicyStatement } from '../../../auth/policy/index.js';
import { awsIdentifier } from '../../../auth/session-credentials.js';
import { packageRoot } from '../../../package-root.js';
import type { EmulatorRuntime } from '../../../runtime.js';
import type { FunctionKey, FunctionVersionRecord } from '../../../store/lambda-store.js';
import { InvalidRequestContentException, RequestTooLargeException, TooManyRequestsException } from '../errors.js';
import { defaultLogGroup } from '../function-configuration.js';
import { requireFunction, requireVersion } from '../function-lookup.js';
import { functionArn, parseFunctionName } from '../function-names.js';
import type { InvokePermissionRequest, LambdaInvocation, LambdaInvocationResult, LambdaInvoker } from '../lambda-invoker.js';
import { CodeFolders } from './code-folders.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { FunctionPool, type LaunchedWorker, type PoolResult, type PoolSpec, type WorkerFactory } from './function-pool.js';
import { FunctionWorker } from './function-worker.js';
import { maxResponseBytes, responseTooLargePayload, timeoutLogLine, type ErrorPayload } from './invocation-errors.js';
import { invocationLog, logTail, reportLine } from './invocation-log.js';
import { workerEnvironment } from './worker-environment.js';

export const bootstrapPath = join(packageRoot, 'emulator', 'services', 'lambda', 'runtime', 'bootstrap.mjs');

/** Lambda's payload limits: 6 MB for a synchronous invocation, 1 MB for an asynchronous one [unverified: raised from 256 KB in 2025]. */
const maxSyncPayloadBytes = 6 * 1024 * 1024;
const maxEventPayloadBytes = 1024 * 1024;
/** Idle workers are stopped after this long, as Lambda reclaims idle execution environments. */
const idleWorkerMs = 5 * 60 * 1000;
/** How long the credentials of a worker's execution role last [unverified: Lambda refreshes them itself]. */
const roleSessionSeconds = 12 * 3600;

function functionId(key: FunctionKey): string {
  return `${key.accountId}/${key.region}/${key.name}`;
}

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
 * Runs functions locally: per function version a pool of warm Node.js worker processes (see FunctionPool), per
 * function a concurrency limit, and one private temp folder (code folders, worker temp folders, the SDK link)
 * removed on close. Serves Invoke and API Gateway's AWS_PROXY integration alike.
 */
export class LambdaRuntime implements LambdaInvoker, WorkerFactory {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly gates = new Map<string, ConcurrencyGate>();
  private readonly codeFolders: CodeFolders;
  private tempRoot: string | undefined;
  private readonly reaper: NodeJS.Timeout;

  constructor(private readonly runtime: EmulatorRuntime) {
    this.codeFolders = new CodeFolders(
      () => this.root(),
      (sha256) => runtime.lambdaStore.code(sha256),
    );
    this.reaper = setInterval(() => {
      for (const pool of this.pools.values()) pool.reap(idleWorkerMs);
    }, 30_000);
    this.reaper.unref();
  }

  async invoke(accountId: string, region: string, invocation: LambdaInvocation): Promise<LambdaInvocationResult> {
    const store = this.runtime.lambdaStore;
    const reference = parseFunctionName(invocation.functionName, { accountId, region }, invocation.qualifier);
    const fn = requireFunction(store, reference);
    const version = reference.qualifier === undefined || reference.qualifier === '$LATEST' ? fn : requireVersion(store, reference);
    const event = readEvent(invocation);
    const requestId = invocation.requestId ?? randomUUID();
    const reserved = fn.reservedConcurrency;
    const limit = reserved ?? this.runtime.config.lambdaConcurrency;
    const gate = this.gateFor(version);
    const pool = this.poolFor(version);
    const invokedArn = functionArn(version, reference.qualifier);

    if (invocation.invocationType === 'Event') {
      this.runInBackground(version, pool, gate, limit, { requestId, event, invokedArn, clientContext: invocation.clientContext });
      return { statusCode: 202, payload: new Uint8Array(), executedVersion: version.version, requestId };
    }
    if (!gate.tryEnter(limit)) throw new TooManyRequestsException(reserved !== undefined ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : 'ConcurrentInvocationLimitExceeded');
    try {
      const result = await this.execute(version, pool, { requestId, event, invokedArn, clientContext: invocation.clientContext });
      return {
        statusCode: 200,
        payload: Buffer.from(result.body),
        functionError: result.ok ? undefined : 'Unhandled',
        executedVersion: version.version,
        logResult: invocation.logType === 'Tail' ? logTail(result.log) : undefined,
        requestId,
      };
    } finally {
      gate.leave();
    }
  }

  permitsInvoke(accountId: string, region: string, request: InvokePermissionRequest): boolean {
    let version: FunctionVersionRecord;
    let qualifier: string | undefined;
    try {
      const reference = parseFunctionName(request.functionName, { accountId, region });
      version = requireVersion(this.runtime.lambdaStore, reference);
      qualifier = reference.qualifier === '$LATEST' ? undefined : reference.qualifier;
    } catch {
      return false;
    }
    if (version.policy.length === 0) return false;
    const context: Record<string, string> = {};
    if (request.sourceArn !== undefined) context['aws:SourceArn'] = request.sourceArn;
    if (request.sourceAccount !== undefined) context['aws:SourceAccount'] = request.sourceAccount;
    const policy: PolicyDocument = { Version: '2012-10-17', Statement: version.policy as PolicyStatement[] };
    const principal = request.principal.includes('.') && !request.principal.startsWith('arn:')
      ? { kind: 'service' as const, service: request.principal }
      : { kind: 'aws' as const, arn: request.principal, accountId: request.sourceAccount ?? accountId };
    return (
      evaluate({
        request: { principal, action: 'lambda:InvokeFunction', resource: functionArn(version, qualifier), context },
        identityPolicies: [],
        resourcePolicy: policy,
        resourceAccountId: version.accountId,
      }).decision === 'Allow'
    );
  }

  /** After a function changed or was deleted: stop workers of configurations gone, remove code no longer used. */
  functionChanged(key: FunctionKey): void {
    const store = this.runtime.lambdaStore;
    const current = store.findFunction(key);
    const liveCode = new Set<string>();
    if (current) {
      liveCode.add(current.codeSha256);
      for (const version of store.versions(key)) liveCode.add(version.codeSha256);
    }
    const prefix = `${functionId(key)}/`;
    for (const [poolId, pool] of this.pools) {
      if (!poolId.startsWith(prefix)) continue;
      const version = current && store.findVersion(key, pool.version);
      if (version) {
        pool.update(this.specOf(version));
      } else {
        pool.close();
        this.pools.delete(poolId);
      }
    }
    if (!current) this.gates.delete(functionId(key));
    this.codeFolders.retire(key, liveCode);
  }

  /** The state was emptied: every worker stops and every code folder goes. */
  reset(): void {
    for (const pool of this.pools.values()) pool.close();
    this.pools.clear();
    this.gates.clear();
    this.codeFolders.forgetAll();
    if (this.tempRoot) rmSync(join(this.tempRoot, 'code'), { recursive: true, force: true });
  }

  async close(): Promise<void> {
    clearInterval(this.reaper);
    this.reset();
    // Give the killed workers a moment to exit before their folders go.
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.tempRoot) rmSync(this.tempRoot, { recursive: true, force: true });
    this.tempRoot = undefined;
  }

  launch(spec: PoolSpec): LaunchedWorker {
    const root = this.root();
    const key = { accountId: spec.accountId, region: spec.region, name: spec.functionName };
    const codeDir = this.codeFolders.acquire(key, spec.codeSha256);
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

  private async execute(
    version: FunctionVersionRecord,
    pool: FunctionPool,
    call: { requestId: string; event: string; invokedArn: string; clientContext?: string },
  ): Promise<PoolResult & { log: string }> {
    const { settings } = version;
    const result = await pool.run(
      {
        requestId: call.requestId,
        event: call.event,
        timeoutMs: settings.timeout * 1000,
        invokedFunctionArn: call.invokedArn,
        traceId: traceId(this.runtime.clock.nowMs()),
        clientContext: parseClientContext(call.clientContext),
      },
      this.runtime.clock.nowMs(),
    );
    if (result.ok && Buffer.byteLength(result.body) > maxResponseBytes) {
      result.ok = false;
      result.body = JSON.stringify(responseTooLargePayload());
    }
    const parts = {
      requestId: call.requestId,
      version: version.version,
      initOutput: result.initOutput,
      output: result.output,
      durationMs: result.durationMs,
      memorySize: settings.memorySize,
      maxMemoryUsedMb: result.rssBytes === undefined ? undefined : Math.ceil(result.rssBytes / (1024 * 1024)),
      initDurationMs: result.initDurationMs,
      timeoutLine: result.timedOut ? timeoutLogLine(call.requestId, settings.timeout, this.runtime.clock.now()) : undefined,
    };
    if (this.runtime.log.enabled('debug')) this.runtime.log.debug(`[lambda ${version.name}] ${reportLine(parts)}`);
    return { ...result, log: invocationLog(parts) };
  }

  private runInBackground(
    version: FunctionVersionRecord,
    pool: FunctionPool,
    gate: ConcurrencyGate,
    limit: number,
    call: { requestId: string; event: string; invokedArn: string; clientContext?: string },
  ): void {
    const log = this.runtime.log;
    if (limit === 0) {
      log.warn(`[lambda ${version.name}] asynchronous invocation ${call.requestId} throttled: reserved concurrency is 0 (Lambda would retry it for up to 6 hours; idpool drops it)`);
      return;
    }
    void gate
      .enterInTurn(limit)
      .then(() => this.execute(version, pool, call))
      .then(
        (result) => {
          if (!result.ok) {
            const error = JSON.parse(result.body) as ErrorPayload;
            log.warn(`[lambda ${version.name}] asynchronous invocation ${call.requestId} failed (not retried): ${error.errorType}: ${error.errorMessage}`);
          }
        },
        (error: unknown) => log.error(`[lambda ${version.name}] asynchronous invocation ${call.requestId} could not run: ${String(error)}`),
      )
      .finally(() => gate.leave());
  }

  private poolFor(version: FunctionVersionRecord): FunctionPool {
    const id = `${functionId(version)}/${version.version}`;
    const spec = this.specOf(version);
    let pool = this.pools.get(id);
    if (pool) pool.update(spec);
    else this.pools.set(id, (pool = new FunctionPool(spec, this)));
    return pool;
  }

  private gateFor(key: FunctionKey): ConcurrencyGate {
    const id = functionId(key);
    let gate = this.gates.get(id);
    if (!gate) this.gates.set(id, (gate = new ConcurrencyGate()));
    return gate;
  }

  private specOf(version: FunctionVersionRecord): PoolSpec {
    const { settings } = version;
    const variables = settings.environment ?? {};
    const logGroup = settings.logGroup ?? defaultLogGroup(version.name);
    return {
      accountId: version.accountId,
      region: version.region,
      functionName: version.name,
      version: version.version,
      runtime: settings.runtime,
      handler: settings.handler,
      memorySize: settings.memorySize,
      logGroup,
      variables,
      codeSha256: version.codeSha256,
      roleArn: settings.role,
      environmentKey: JSON.stringify([version.codeSha256, settings.handler, settings.runtime, settings.memorySize, variables, settings.role, logGroup]),
    };
  }

  private roleSession(spec: PoolSpec) {
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

/** The event as JSON text: what Lambda accepts as a payload (an empty one is `{}`). */
function readEvent(invocation: LambdaInvocation): string {
  const limit = invocation.invocationType === 'Event' ? maxEventPayloadBytes : maxSyncPayloadBytes;
  if (invocation.payload.byteLength > limit) throw new RequestTooLargeException(limit);
  const text = invocation.payload.byteLength === 0 ? '{}' : Buffer.from(invocation.payload).toString('utf8');
  try {
    JSON.parse(text);
  } catch (error) {
    // [unverified] Lambda quotes Jackson's parser message here; ours is JavaScript's.
    throw new InvalidRequestContentException(`Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`);
  }
  return text;
}

/** X-Amz-Client-Context: base64 JSON, given to the handler as `context.clientContext`. */
function parseClientContext(header: string | undefined): unknown {
  if (header === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** An X-Ray trace header as Lambda sets `_X_AMZN_TRACE_ID` (not sampled: idpool has no X-Ray). */
function traceId(nowMs: number): string {
  const epoch = Math.floor(nowMs / 1000).toString(16).padStart(8, '0');
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
