import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { PassThrough, type Duplex } from 'node:stream';
import {
  exitDescription,
  exitPayload,
  isOutOfMemoryOutput,
  outOfMemoryPayload,
  responseTooLargePayload,
  timeoutPayload,
  type ErrorPayload,
} from './invocation-errors.js';
import { encodeFrame, FrameReader, type FrameViolation } from './worker-channel.js';
import { WorkerOutput } from './worker-output.js';

/** How a worker process is started: bootstrap.mjs in the function's code folder with the function's environment. */
export interface WorkerLaunch {
  bootstrapPath: string;
  codeDir: string;
  env: Record<string, string>;
  memorySize: number;
  /** Run as this user and group (when the emulator runs as root), as Lambda runs functions as a non-root user. */
  user?: { uid: number; gid: number };
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

export type InitOutcome =
  | { ok: true; initMs: number }
  | { ok: false; error?: ErrorPayload; exit?: string; timedOut?: boolean };

type WorkerMessage =
  | { t: 'ready'; out: number; err: number }
  | { t: 'init-error'; error: ErrorPayload; out: number; err: number }
  | { t: 'done'; id: string; ok: boolean; rss: number; tooLarge?: boolean; out: number; err: number }
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

/** How often the resident memory of a worker is compared with its MemorySize. */
const memoryCheckMs = 50;

/**
 * The resident set size of a process from /proc/<pid>/status (Linux), read again through one descriptor opened
 * once: procfs regenerates the file on each read from offset 0 and never blocks, so a synchronous read is cheaper
 * than an asynchronous open-read-close on the thread pool 20 times a second per worker.
 */
class ResidentMemory {
  private fd: number | undefined;
  private readonly buffer = Buffer.alloc(4096);

  constructor(pid: number) {
    try {
      this.fd = openSync(`/proc/${pid}/status`, 'r');
    } catch {
      this.fd = undefined;
    }
  }

  /** Bytes, or undefined when /proc has no such process (it is gone, or this is not Linux). */
  bytes(): number | undefined {
    if (this.fd === undefined) return undefined;
    let length: number;
    try {
      length = readSync(this.fd, this.buffer, 0, this.buffer.length, 0);
    } catch {
      return undefined;
    }
    const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(this.buffer.toString('latin1', 0, length))?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * One execution environment: a Node.js child process running bootstrap.mjs, which takes one invocation at a time.
 * A timed-out, crashed or exited worker is never reused; its invocation gets the error Lambda would answer.
 *
 * The worker leads its own process group (spawned detached), and the whole group is killed whenever the worker
 * is (timeout, delete, code or configuration change, emulator stop) or exits by itself (crash), so processes a
 * function forks do not outlive it. MemorySize bounds the V8 heap (`--max-old-space-size`) and, on Linux, the
 * resident memory of the worker, checked every 50 ms. Messages come in bounded frames (worker-channel.ts).
 */
export class FunctionWorker {
  readonly ready: Promise<InitOutcome>;
  lastUsedAt = performance.now();
  private readonly spawnedAt = performance.now();
  private readonly child: ChildProcess;
  private readonly channel: Duplex;
  private readonly output: WorkerOutput;
  private readonly memoryLimitBytes: number;
  private memoryTimer: NodeJS.Timeout | undefined;
  private stopWatchingMemory: () => void = () => undefined;
  /** Why the worker was killed by the emulator, when that decides its invocation's answer. */
  private killedFor: 'memory' | 'response-too-large' | undefined;
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
    this.memoryLimitBytes = launch.memorySize * 1024 * 1024;
    this.child = spawn(process.execPath, [`--max-old-space-size=${launch.memorySize}`, launch.bootstrapPath], {
      cwd: launch.codeDir,
      env: launch.env,
      detached: true,
      uid: launch.user?.uid,
      gid: launch.user?.gid,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    // Absent only when the process could not be started ('error' follows).
    this.channel = (this.child.stdio[3] as Duplex | null) ?? new PassThrough();
    const reader = new FrameReader(
      (header, body) => this.onMessage(header as WorkerMessage, body),
      (violation) => this.onViolation(violation),
    );
    this.channel.on('data', (chunk: Buffer) => reader.push(chunk));
    this.channel.on('error', () => this.kill());
    this.child.stdout?.on('data', (chunk: Buffer) => this.output.take('out', chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.take('err', chunk));
    // Processes the function forked may hold the pipes open: the group goes as soon as the worker exits.
    this.child.on('exit', () => this.killGroup());
    this.child.on('close', (code, signal) => this.onClose(code, signal));
    // A process that could not even start emits 'error' and never 'close'.
    this.child.on('error', () => (this.child.pid === undefined ? this.onClose(1, null) : this.kill()));
    if (process.platform === 'linux') this.watchMemory();
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
        resolve({
          ok: false,
          body: JSON.stringify(exitPayload(request.requestId, 'exit status 0')),
          output: '',
          timedOut: false,
          durationMs: 0,
          reusable: false,
        });
        return;
      }
      const timer = setTimeout(() => this.onTimeout(), request.timeoutMs);
      this.active = { request, started, timer, timedOut: false, resolve };
      const header = {
        t: 'invoke',
        id: request.requestId,
        deadline: Date.now() + request.timeoutMs,
        arn: request.invokedFunctionArn,
        traceId: request.traceId,
        clientContext: request.clientContext,
      };
      this.channel.write(encodeFrame(header, request.event), (error) => {
        if (error) this.kill();
      });
    });
  }

  /** Kills the worker and every process of its group. */
  kill(): void {
    if (this.exited) return;
    this.killGroup();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private killGroup(): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }

  private watchMemory(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    const memory = new ResidentMemory(pid);
    const check = () => {
      if (this.exited) {
        memory.close();
        return;
      }
      const rss = memory.bytes();
      if (rss !== undefined && rss > this.memoryLimitBytes) {
        memory.close();
        this.killedFor ??= 'memory';
        this.kill();
        return;
      }
      this.memoryTimer = setTimeout(check, memoryCheckMs);
      this.memoryTimer.unref();
    };
    this.stopWatchingMemory = () => memory.close();
    check();
  }

  /** A frame no honest bootstrap.mjs sends: the worker goes, its invocation answers as the frame deserves. */
  private onViolation(violation: FrameViolation): void {
    if (violation !== 'malformed-header') this.killedFor ??= 'response-too-large';
    this.kill();
  }

  /** Output written outside any invocation (init, or after a response) and not yet handed to one. */
  takePendingOutput(): string {
    return this.output.takePending();
  }

  private onMessage(message: WorkerMessage, body: Buffer): void {
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
          const result = message.tooLarge
            ? { ok: false, body: JSON.stringify(responseTooLargePayload()), rssBytes: message.rss, reusable: true }
            : { ok: message.ok, body: body.toString('utf8'), rssBytes: message.rss, reusable: true };
          this.output.after(message, () => this.finish(active, result));
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
    clearTimeout(this.memoryTimer);
    this.stopWatchingMemory();
    this.output.end();
    const description = exitDescription(code, signal);
    this.resolveReady({ ok: false, exit: description });
    const active = this.active;
    if (active) {
      if (active.timedOut) {
        this.finishTimedOut(active);
      } else {
        const requestId = active.request.requestId;
        let payload: ErrorPayload;
        if (this.killedFor === 'response-too-large') payload = responseTooLargePayload();
        else if (this.killedFor === 'memory' || isOutOfMemoryOutput(this.output.peek())) {
          payload = outOfMemoryPayload(requestId, description);
        } else payload = exitPayload(requestId, description);
        this.finish(active, { ok: false, body: JSON.stringify(payload), reusable: false });
      }
    }
    for (const listener of this.exitListeners) listener();
  }

  private finish(
    active: ActiveInvocation,
    result: { ok: boolean; body: string; reusable: boolean; rssBytes?: number; timedOut?: boolean },
  ): void {
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
