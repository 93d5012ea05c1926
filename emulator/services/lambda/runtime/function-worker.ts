import { fork, type ChildProcess } from 'node:child_process';
import {
  exitDescription,
  exitPayload,
  isOutOfMemoryOutput,
  outOfMemoryPayload,
  timeoutPayload,
  type ErrorPayload,
} from './invocation-errors.js';
import { WorkerOutput } from './worker-output.js';

/** How a worker process is started: bootstrap.mjs in the function's code folder with the function's environment. */
export interface WorkerLaunch {
  bootstrapPath: string;
  codeDir: string;
  env: Record<string, string>;
  memorySize: number;
  /** The function's own output, as it arrives. */
  onOutput(text: string): void;
}

export interface WorkerRequest {
  requestId: string;
  /** The event as JSON text. */
  event: string;
  timeoutMs: number;
  invokedFunctionArn: string;
  traceId: string;
  clientContext?: unknown;
}

export interface WorkerResult {
  /** The handler succeeded; otherwise `body` is an error payload. */
  ok: boolean;
  /** JSON text: the handler's result, or `{errorType, errorMessage, trace}`. */
  body: string;
  /** What the function wrote while this invocation ran (on a cold start, its init output first). */
  output: string;
  timedOut: boolean;
  durationMs: number;
  rssBytes?: number;
  /** The worker survived and may take the next invocation. */
  reusable: boolean;
}

export type InitOutcome = { ok: true; initMs: number } | { ok: false; error?: ErrorPayload; exit?: string; timedOut?: boolean };

type WorkerMessage =
  | { t: 'ready'; out: number; err: number }
  | { t: 'init-error'; error: ErrorPayload; out: number; err: number }
  | { t: 'done'; id: string; ok: boolean; body: string; rss: number; out: number; err: number }
  | { t: 'fatal'; id?: string; error: ErrorPayload; out: number; err: number };

interface ActiveInvocation {
  request: WorkerRequest;
  started: number;
  timer: NodeJS.Timeout;
  timedOut: boolean;
  resolve(result: WorkerResult): void;
}

/** Lambda gives a function's initialization 10 seconds. */
const initTimeoutMs = 10_000;

/**
 * One execution environment: a Node.js child process running bootstrap.mjs, which takes one invocation at a time.
 * A timed-out, crashed or exited worker is never reused; its invocation gets the error Lambda would answer.
 */
export class FunctionWorker {
  readonly ready: Promise<InitOutcome>;
  lastUsedAt = performance.now();
  private readonly spawnedAt = performance.now();
  private readonly child: ChildProcess;
  private readonly output: WorkerOutput;
  private active: ActiveInvocation | undefined;
  private exited = false;
  private resolveReady!: (outcome: InitOutcome) => void;
  private readonly exitListeners: (() => void)[] = [];

  constructor(launch: WorkerLaunch) {
    this.output = new WorkerOutput(launch.onOutput);
    this.ready = new Promise((resolve) => {
      let settled = false;
      const initTimer = setTimeout(() => {
        this.resolveReady({ ok: false, timedOut: true });
        this.kill();
      }, initTimeoutMs);
      this.resolveReady = (outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(initTimer);
        resolve(outcome);
      };
    });
    this.child = fork(launch.bootstrapPath, [], {
      cwd: launch.codeDir,
      env: launch.env,
      execArgv: [`--max-old-space-size=${launch.memorySize}`],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.output.take('out', chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.take('err', chunk));
    this.child.on('message', (message) => this.onMessage(message as WorkerMessage));
    this.child.on('close', (code, signal) => this.onClose(code, signal));
    // A process that could not even start emits 'error' and never 'close'.
    this.child.on('error', () => (this.child.pid === undefined ? this.onClose(1, null) : this.kill()));
  }

  get alive(): boolean {
    return !this.exited;
  }

  onExit(listener: () => void): void {
    this.exitListeners.push(listener);
  }

  invoke(request: WorkerRequest): Promise<WorkerResult> {
    return new Promise((resolve) => {
      const started = performance.now();
      if (this.exited) {
        resolve({ ok: false, body: JSON.stringify(exitPayload(request.requestId, 'exit status 0')), output: '', timedOut: false, durationMs: 0, reusable: false });
        return;
      }
      const timer = setTimeout(() => this.onTimeout(), request.timeoutMs);
      this.active = { request, started, timer, timedOut: false, resolve };
      this.child.send(
        {
          t: 'invoke',
          id: request.requestId,
          event: request.event,
          deadline: Date.now() + request.timeoutMs,
          arn: request.invokedFunctionArn,
          traceId: request.traceId,
          clientContext: request.clientContext,
        },
        (error) => {
          if (error) this.kill();
        },
      );
    });
  }

  kill(): void {
    if (!this.exited && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** Output written outside any invocation (init, or after a response) and not yet handed to one. */
  takePendingOutput(): string {
    return this.output.takePending();
  }

  private onMessage(message: WorkerMessage): void {
    switch (message.t) {
      case 'ready':
        // Lambda's Init Duration covers starting the runtime too, so it is measured here, from the fork.
        this.resolveReady({ ok: true, initMs: performance.now() - this.spawnedAt });
        break;
      case 'init-error':
        this.output.after(message, () => this.resolveReady({ ok: false, error: message.error }));
        break;
      case 'done':
        if (this.active?.request.requestId === message.id) {
          const active = this.active;
          this.output.after(message, () => this.finish(active, { ok: message.ok, body: message.body, rssBytes: message.rss, reusable: true }));
        }
        break;
      case 'fatal':
        this.output.after(message, () => {
          this.resolveReady({ ok: false, error: message.error });
          if (this.active && (message.id === undefined || message.id === this.active.request.requestId)) {
            this.finish(this.active, { ok: false, body: JSON.stringify(message.error), reusable: false });
          }
        });
        break;
    }
  }

  private onTimeout(): void {
    const active = this.active;
    if (!active) return;
    active.timedOut = true;
    this.kill();
    // The output still in the pipes arrives before 'close'; should 'close' not come, answer anyway.
    setTimeout(() => this.finishTimedOut(active), 2000).unref();
  }

  private finishTimedOut(active: ActiveInvocation): void {
    const payload = timeoutPayload(active.request.requestId, active.request.timeoutMs / 1000);
    this.finish(active, { ok: false, body: JSON.stringify(payload), reusable: false, timedOut: true });
  }

  private onClose(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exited) return;
    this.exited = true;
    this.output.end();
    const description = exitDescription(code, signal);
    this.resolveReady({ ok: false, exit: description });
    const active = this.active;
    if (active) {
      if (active.timedOut) {
        this.finishTimedOut(active);
      } else {
        const requestId = active.request.requestId;
        const payload = isOutOfMemoryOutput(this.output.peek()) ? outOfMemoryPayload(requestId, description) : exitPayload(requestId, description);
        this.finish(active, { ok: false, body: JSON.stringify(payload), reusable: false });
      }
    }
    for (const listener of this.exitListeners) listener();
  }

  private finish(active: ActiveInvocation, result: { ok: boolean; body: string; reusable: boolean; rssBytes?: number; timedOut?: boolean }): void {
    if (this.active !== active) return;
    clearTimeout(active.timer);
    this.active = undefined;
    this.lastUsedAt = performance.now();
    const output = this.output.takePending();
    active.resolve({
      ok: result.ok,
      body: result.body,
      output,
      timedOut: result.timedOut ?? false,
      durationMs: this.lastUsedAt - active.started,
      rssBytes: result.rssBytes,
      reusable: result.reusable && !this.exited,
    });
  }
}
