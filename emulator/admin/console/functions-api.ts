import { partitionOf } from '../../partition.js';
import type { EmulatorRuntime } from '../../runtime.js';
import type { FunctionRecord } from '../../store/lambda-store.js';
import { iso, notFound } from './console-http.js';
import { consoleState } from './console-state.js';

function stateOf(runtime: EmulatorRuntime, fn: FunctionRecord): string {
  const transition = fn.transition;
  return transition?.kind === 'create' && transition.until > runtime.clock.nowMs() ? 'Pending' : 'Active';
}

function arnOf(fn: FunctionRecord): string {
  return `arn:${partitionOf(fn.region)}:lambda:${fn.region}:${fn.accountId}:function:${fn.name}`;
}

function summary(runtime: EmulatorRuntime, fn: FunctionRecord) {
  return {
    name: fn.name,
    arn: arnOf(fn),
    runtime: fn.settings.runtime,
    handler: fn.settings.handler,
    lastModified: iso(fn.lastModified),
    state: stateOf(runtime, fn),
  };
}

function functions(runtime: EmulatorRuntime): FunctionRecord[] {
  return consoleState(runtime)
    .queries.functionKeys()
    .flatMap((key) => runtime.lambdaStore.findFunction(key) ?? []);
}

/** `GET api/functions`. */
export function listFunctions(runtime: EmulatorRuntime): object {
  return { functions: functions(runtime).map((fn) => summary(runtime, fn)) };
}

/** `GET api/functions/:name`: its configuration and its last 50 invocations. */
export function describeFunction(runtime: EmulatorRuntime, name: string): object {
  const own = { accountId: runtime.config.accountId, region: runtime.config.region, name };
  const fn = runtime.lambdaStore.findFunction(own) ?? functions(runtime).find((candidate) => candidate.name === name);
  if (!fn) throw notFound(`No function ${name}`);
  return {
    ...summary(runtime, fn),
    role: fn.settings.role,
    memorySize: fn.settings.memorySize,
    timeout: fn.settings.timeout,
    environment: fn.settings.environment ?? {},
    codeSize: fn.codeSize,
    invocations: runtime.lambda.history.of(fn).map((invocation) => ({
      requestId: invocation.requestId,
      time: iso(invocation.time),
      durationMs: invocation.durationMs,
      status: invocation.status,
      errorType: invocation.errorType,
      errorMessage: invocation.errorMessage,
      logs: invocation.logs,
    })),
  };
}
