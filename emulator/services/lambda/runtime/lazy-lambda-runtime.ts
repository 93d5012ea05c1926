import type { FunctionKey } from '../../../store/lambda-store.js';
import { requireVersion } from '../function-lookup.js';
import { parseFunctionName } from '../function-names.js';
import type {
  InvokePermissionRequest,
  LambdaInvocation,
  LambdaInvocationResult,
  LambdaWorkers,
} from '../lambda-invoker.js';
import { policyAllowsInvoke } from '../resource-policy.js';
import { InvocationHistory } from './invocation-history.js';
import type { LambdaHost } from './lambda-host.js';
import type { LambdaRuntime } from './lambda-runtime.js';
import { removeOrphanedTempRoots } from './temp-root.js';

/** The emulator stopped while an invocation waited for the Lambda runtime to load. */
class LambdaRuntimeStopped extends Error {
  constructor() {
    super('the emulator stopped before the Lambda runtime started');
  }
}

/**
 * The Lambda runtime as the emulator holds it: loaded (worker processes, code folders, the extraction worker) on the
 * first invocation, not at start, which an emulator that never runs a function does not pay for. Until then nothing
 * runs, so a change to a function or a reset has no worker to stop and no code folder to remove; whether a resource
 * policy allows an invocation needs only the store.
 */
export class LazyLambdaRuntime implements LambdaWorkers {
  /** The last invocations of each function, for the console. */
  readonly history = new InvocationHistory();
  private loaded: LambdaRuntime | undefined;
  private loading: Promise<LambdaRuntime> | undefined;
  private closed = false;

  constructor(private readonly host: LambdaHost) {
    // The temp folders of emulators that died go at start, whether or not this one ever runs a function.
    void removeOrphanedTempRoots().then((removed) => {
      for (const path of removed) host.log.debug(`[lambda] removed ${path}, left by an emulator that died`);
    });
  }

  async invoke(accountId: string, region: string, invocation: LambdaInvocation): Promise<LambdaInvocationResult> {
    return (this.loaded ?? (await this.load())).invoke(accountId, region, invocation);
  }

  permitsInvoke(accountId: string, region: string, request: InvokePermissionRequest): boolean {
    try {
      const reference = parseFunctionName(request.functionName, { accountId, region });
      return policyAllowsInvoke(requireVersion(this.host.lambdaStore, reference), reference.qualifier, request);
    } catch {
      return false;
    }
  }

  functionChanged(key: FunctionKey): void {
    this.loaded?.functionChanged(key);
  }

  /** Stops the workers idle for longer than `idleMs` (every 30 s with Lambda-like 5 minutes; tests may force it). */
  reapIdleWorkers(idleMs: number): void {
    this.loaded?.reapIdleWorkers(idleMs);
  }

  /** The state was emptied: every worker stops and every code folder goes. */
  reset(): void {
    this.history.clear();
    this.loaded?.reset();
  }

  async close(): Promise<void> {
    this.closed = true;
    const runtime = this.loaded ?? (await this.loading?.catch(() => undefined));
    await runtime?.close();
  }

  private load(): Promise<LambdaRuntime> {
    this.loading ??= import('./lambda-runtime.js').then(({ LambdaRuntime }) => {
      if (this.closed) throw new LambdaRuntimeStopped();
      this.loaded = new LambdaRuntime(this.host, this.history);
      return this.loaded;
    });
    return this.loading;
  }
}
