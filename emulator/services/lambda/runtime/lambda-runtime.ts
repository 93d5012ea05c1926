import { randomUUID } from 'node:crypto';
import type { FunctionKey, FunctionVersionRecord } from '../../../store/lambda-store.js';
import { TooManyRequestsException } from '../errors.js';
import { defaultLogGroup } from '../function-configuration.js';
import { requireFunction, requireVersion } from '../function-lookup.js';
import { functionArn, parseFunctionName } from '../function-names.js';
import type { LambdaInvocation, LambdaInvocationResult } from '../lambda-invoker.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import type { LambdaHost } from './lambda-host.js';
import { FunctionPool, PoolClosedError, type PoolResult, type PoolSpec } from './function-pool.js';
import { maxResponseBytes, responseTooLargePayload, timeoutLogLine, type ErrorPayload } from './invocation-errors.js';
import { parseClientContext, readEvent, traceHeader } from './invocation-input.js';
import type { InvocationHistory } from './invocation-history.js';
import { invocationLog, logTail, reportLine, type InvocationLogParts } from './invocation-log.js';
import { WorkerLauncher } from './worker-launcher.js';

/** Idle workers are stopped after this long, as Lambda reclaims idle execution environments. */
const idleWorkerMs = 5 * 60 * 1000;

interface Call {
  requestId: string;
  event: string;
  invokedArn: string;
  clientContext?: string;
  triggeredBy?: string;
}

function functionId(key: FunctionKey): string {
  return `${key.accountId}/${key.region}/${key.name}`;
}

/**
 * Runs functions locally: per function version a pool of warm Node.js worker processes (FunctionPool), per
 * function a concurrency limit (ConcurrencyGate). Serves Invoke and API Gateway's AWS_PROXY integration alike.
 */
export class LambdaRuntime {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly gates = new Map<string, ConcurrencyGate>();
  private readonly launcher: WorkerLauncher;
  private readonly reaper: NodeJS.Timeout;

  constructor(
    private readonly runtime: LambdaHost,
    /** The last invocations of each function, for the console (kept by LazyLambdaRuntime). */
    private readonly history: InvocationHistory,
  ) {
    this.launcher = new WorkerLauncher(runtime);
    this.reaper = setInterval(() => this.reapIdleWorkers(idleWorkerMs), 30_000);
    this.reaper.unref();
  }

  async invoke(accountId: string, region: string, invocation: LambdaInvocation): Promise<LambdaInvocationResult> {
    const store = this.runtime.lambdaStore;
    const reference = parseFunctionName(invocation.functionName, { accountId, region }, invocation.qualifier);
    const fn = requireFunction(store, reference);
    const version =
      reference.qualifier === undefined || reference.qualifier === '$LATEST' ? fn : requireVersion(store, reference);
    const call: Call = {
      requestId: invocation.requestId ?? randomUUID(),
      event: readEvent(invocation),
      invokedArn: functionArn(version, reference.qualifier),
      clientContext: invocation.clientContext,
      triggeredBy: invocation.triggeredBy ?? invocation.requestId,
    };
    const limit = fn.reservedConcurrency ?? this.runtime.config.lambdaConcurrency;
    const gate = this.gateFor(version);
    const pool = this.poolFor(version);

    if (invocation.invocationType === 'Event') {
      this.runInBackground(version, pool, gate, limit, call);
      return {
        statusCode: 202,
        payload: new Uint8Array(),
        executedVersion: version.version,
        requestId: call.requestId,
      };
    }
    if (!gate.tryEnter(limit)) {
      throw new TooManyRequestsException(
        fn.reservedConcurrency !== undefined
          ? 'ReservedFunctionConcurrentInvocationLimitExceeded'
          : 'ConcurrentInvocationLimitExceeded',
      );
    }
    try {
      const result = await this.execute(version, pool, call);
      return {
        statusCode: 200,
        payload: Buffer.from(result.body),
        functionError: result.ok ? undefined : 'Unhandled',
        executedVersion: version.version,
        logResult: invocation.logType === 'Tail' ? logTail(invocationLog(result.logParts)) : undefined,
        requestId: call.requestId,
      };
    } finally {
      gate.leave();
    }
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
    this.launcher.codeFolders.retire(key, liveCode);
  }

  /** Stops the workers idle for longer than `idleMs` (every 30 s with Lambda-like 5 minutes; tests may force it). */
  reapIdleWorkers(idleMs: number): void {
    for (const pool of this.pools.values()) pool.reap(idleMs);
  }

  /** The state was emptied: every worker stops and every code folder goes. */
  reset(): void {
    this.closePools();
    this.launcher.removeCode();
  }

  async close(): Promise<void> {
    clearInterval(this.reaper);
    this.closePools();
    // Give the killed workers a moment to exit before their folders go.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await this.launcher.removeAll();
  }

  private closePools(): void {
    for (const pool of this.pools.values()) pool.close();
    this.pools.clear();
    this.gates.clear();
  }

  private async execute(
    version: FunctionVersionRecord,
    pool: FunctionPool,
    call: Call,
  ): Promise<PoolResult & { logParts: InvocationLogParts }> {
    const { settings } = version;
    const nowMs = this.runtime.clock.nowMs();
    const result = await pool.run(
      {
        requestId: call.requestId,
        event: call.event,
        timeoutMs: settings.timeout * 1000,
        invokedFunctionArn: call.invokedArn,
        traceId: traceHeader(nowMs),
        clientContext: parseClientContext(call.clientContext),
      },
      nowMs,
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
      timeoutLine: result.timedOut
        ? timeoutLogLine(call.requestId, settings.timeout, this.runtime.clock.now())
        : undefined,
    };
    if (this.runtime.log.enabled('debug')) this.runtime.log.debug(`[lambda ${version.name}] ${reportLine(parts)}`);
    // The history builds the log only if the console reads it.
    this.history.record(version, call, result, nowMs, () => invocationLog(parts));
    return { ...result, logParts: parts };
  }

  /** An Event invocation: waits its turn within the function's concurrency, runs, and logs a failure [not retried]. */
  private runInBackground(
    version: FunctionVersionRecord,
    pool: FunctionPool,
    gate: ConcurrencyGate,
    limit: number,
    call: Call,
  ): void {
    const log = this.runtime.log;
    const prefix = `[lambda ${version.name}] asynchronous invocation ${call.requestId}`;
    if (limit === 0) {
      log.warn(
        `${prefix} throttled: reserved concurrency is 0 (Lambda would retry it for up to 6 hours; idpool drops it)`,
      );
      return;
    }
    void gate
      .enterInTurn(limit)
      .then(() => this.execute(version, pool, call).finally(() => gate.leave()))
      .then(
        (result) => {
          if (result.ok) return;
          const error = JSON.parse(result.body) as ErrorPayload;
          log.warn(`${prefix} failed (idpool does not retry it): ${error.errorType}: ${error.errorMessage}`);
        },
        (error: unknown) => {
          if (error instanceof PoolClosedError) log.debug(`${prefix} dropped: ${error.message}`);
          else
            log.error(
              `${prefix} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
        },
      );
  }

  private poolFor(version: FunctionVersionRecord): FunctionPool {
    const id = `${functionId(version)}/${version.version}`;
    const spec = this.specOf(version);
    let pool = this.pools.get(id);
    if (pool) pool.update(spec);
    else this.pools.set(id, (pool = new FunctionPool(spec, this.launcher, this.runtime.config.lambdaWorkers)));
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
      environmentKey: JSON.stringify([
        version.codeSha256,
        settings.handler,
        settings.runtime,
        settings.memorySize,
        variables,
        settings.role,
        logGroup,
      ]),
    };
  }
}
