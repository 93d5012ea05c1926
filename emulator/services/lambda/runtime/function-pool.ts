import type { FunctionWorker, WorkerRequest, WorkerResult } from './function-worker.js';
import { exitPayload, timeoutPayload } from './invocation-errors.js';
import type { EnvironmentSpec } from './worker-environment.js';

/** A function version's configuration as its workers see it; `environmentKey` changes when they must be replaced. */
export interface PoolSpec extends EnvironmentSpec {
  codeSha256: string;
  roleArn: string;
  environmentKey: string;
}

/** A started worker with what was set up for it (code folder, temp folder, role credentials). */
export interface LaunchedWorker {
  worker: FunctionWorker;
  environmentKey: string;
  /** When the role credentials in its environment expire, by the emulator clock. */
  credentialsExpireAt: number;
  cold: boolean;
}

export interface WorkerFactory {
  launch(spec: PoolSpec): Promise<LaunchedWorker>;
}

export interface PoolResult extends WorkerResult {
  initOutput: string;
  /** Set on a cold start. */
  initDurationMs: number | undefined;
}

/** The pool was closed (its function deleted, the state reset, the emulator stopping) before the invocation ran. */
export class PoolClosedError extends Error {
  constructor() {
    super('the function was deleted or the emulator stopped before the invocation ran');
  }
}

/** Credentials must outlast an invocation by this much, or the worker is replaced by one with fresh credentials. */
const credentialsMarginMs = 5 * 60 * 1000;

/**
 * The warm workers of one function version, at most `maxWorkers` of them. An invocation takes the most recently used
 * idle worker (so that few stay warm), or starts one while fewer than `maxWorkers` live, or waits for one to be
 * free; a worker that survives goes back to the pool unless the configuration changed meanwhile.
 */
export class FunctionPool {
  private idle: LaunchedWorker[] = [];
  /** Every live worker, idle or busy. */
  private readonly running = new Set<LaunchedWorker>();
  private readonly waiting: (() => void)[] = [];
  /** Workers being launched (their code extracted): they count against `maxWorkers` already. */
  private starting = 0;
  private closed = false;

  constructor(
    private spec: PoolSpec,
    private readonly factory: WorkerFactory,
    private readonly maxWorkers = Number.POSITIVE_INFINITY,
  ) {}

  get version(): string {
    return this.spec.version;
  }

  /** Takes the version's current configuration; idle workers of an older one are stopped. */
  update(spec: PoolSpec): void {
    const changed = spec.environmentKey !== this.spec.environmentKey;
    this.spec = spec;
    if (!changed) return;
    for (const launched of this.idle) launched.worker.kill();
    this.idle = [];
  }

  async run(request: WorkerRequest, nowMs: number): Promise<PoolResult> {
    if (this.closed) throw new PoolClosedError();
    const launched = await this.acquire(nowMs + request.timeoutMs + credentialsMarginMs);
    const init = await launched.worker.ready;
    const initOutput = launched.worker.takePendingOutput();
    if (!init.ok) {
      launched.worker.kill();
      const error =
        init.error ??
        (init.timedOut
          ? timeoutPayload(request.requestId, 10)
          : exitPayload(request.requestId, init.exit ?? 'exit status 1'));
      return {
        ok: false,
        body: JSON.stringify(error),
        output: '',
        initOutput,
        timedOut: init.timedOut ?? false,
        durationMs: 0,
        reusable: false,
        initDurationMs: undefined,
      };
    }
    const initDurationMs = launched.cold ? init.initMs : undefined;
    launched.cold = false;
    const result = await launched.worker.invoke(request);
    if (result.reusable && !this.closed && launched.environmentKey === this.spec.environmentKey) {
      this.idle.push(launched);
      this.wakeOne();
    } else {
      launched.worker.kill();
    }
    return { ...result, initOutput, initDurationMs };
  }

  /** An idle worker, a new one while there is room, else the next one that becomes free (or room for a new one). */
  private async acquire(credentialsNeededUntil: number): Promise<LaunchedWorker> {
    for (;;) {
      if (this.closed) throw new PoolClosedError();
      const idle = this.takeIdle(credentialsNeededUntil);
      if (idle) return idle;
      if (this.running.size + this.starting < this.maxWorkers) return this.launch();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private wakeOne(): void {
    this.waiting.shift()?.();
  }

  /** Stops workers idle for longer than `idleMs`. */
  reap(idleMs: number): void {
    const now = performance.now();
    this.idle = this.idle.filter((launched) => {
      if (now - launched.worker.lastUsedAt <= idleMs) return true;
      launched.worker.kill();
      return false;
    });
  }

  get empty(): boolean {
    return this.running.size === 0 && this.starting === 0;
  }

  /** Stops every worker; invocations in progress end as the worker's death makes them end. */
  close(): void {
    this.closed = true;
    for (const launched of this.running) launched.worker.kill();
    this.idle = [];
    for (const wake of this.waiting.splice(0)) wake();
  }

  private takeIdle(credentialsNeededUntil: number): LaunchedWorker | undefined {
    for (let launched = this.idle.pop(); launched; launched = this.idle.pop()) {
      if (launched.worker.alive && launched.credentialsExpireAt > credentialsNeededUntil) return launched;
      launched.worker.kill();
    }
    return undefined;
  }

  private async launch(): Promise<LaunchedWorker> {
    this.starting++;
    let launched: LaunchedWorker;
    try {
      launched = await this.factory.launch(this.spec);
    } catch (error) {
      this.starting--;
      this.wakeOne();
      throw error;
    }
    this.starting--;
    if (this.closed) {
      launched.worker.kill();
      this.wakeOne();
      throw new PoolClosedError();
    }
    this.running.add(launched);
    launched.worker.onExit(() => {
      this.running.delete(launched);
      this.idle = this.idle.filter((candidate) => candidate !== launched);
      this.wakeOne();
    });
    return launched;
  }
}
