import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  DeleteFunctionConcurrencyCommand,
  GetAccountSettingsCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, payloadOf, scratchForFunctions } from '../support/lambda-functions.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** A handler that waits `event.ms` and answers its worker's process id. */
const sleeper = {
  'index.mjs':
    'export const handler = async (event) => { await new Promise((r) => setTimeout(r, event.ms ?? 0)); ' +
    'return process.pid; };',
};

describe('Lambda concurrency', () => {
  const ctx = useEmulator({ lambdaConcurrency: 2 });
  const lambda = () => ctx.clients.lambda;
  let role: string;
  const scratch = scratchForFunctions('idpool-concurrency-test-');

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'concurrency-role');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const invoke = (name: string, event: unknown = {}) =>
    lambda().send(new InvokeCommand({ FunctionName: name, Payload: json(event) }));

  it('reuses a warm worker for invocations one after another, and starts more for concurrent ones', async () => {
    await deployFunction(ctx.clients, role, 'warm', sleeper);
    const first = payloadOf(await invoke('warm'));
    const second = payloadOf(await invoke('warm'));
    expect(second).toBe(first);
    const concurrent = await Promise.all([invoke('warm', { ms: 200 }), invoke('warm', { ms: 200 })]);
    const pids = new Set(concurrent.map(payloadOf));
    expect(pids.size).toBe(2);
    expect(pids.has(first)).toBe(true);
  });

  it('stops idle workers when they are reaped', async () => {
    await deployFunction(ctx.clients, role, 'reaped', sleeper);
    const before = payloadOf(await invoke('reaped')) as number;
    ctx.emulator.runtime.lambda.reapIdleWorkers(60_000);
    expect(payloadOf(await invoke('reaped'))).toBe(before);
    ctx.emulator.runtime.lambda.reapIdleWorkers(0);
    await expect.poll(() => isRunning(before)).toBe(false);
    expect(payloadOf(await invoke('reaped'))).not.toBe(before);
  });

  it('replaces warm workers once the configuration changes', async () => {
    await deployFunction(ctx.clients, role, 'reconfigured-warm', sleeper);
    const before = payloadOf(await invoke('reconfigured-warm'));
    await lambda().send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'reconfigured-warm',
        Environment: { Variables: { CHANGED: 'yes' } },
      }),
    );
    const after = payloadOf(await invoke('reconfigured-warm'));
    expect(after).not.toBe(before);
  });

  it('throttles invocations beyond the concurrency limit with TooManyRequestsException', async () => {
    await deployFunction(ctx.clients, role, 'busy', sleeper);
    const results = await Promise.allSettled([0, 1, 2].map(() => invoke('busy', { ms: 500 })));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    expect(refused).toHaveLength(1);
    const error = (refused[0] as PromiseRejectedResult).reason as {
      name: string;
      Reason: string;
      message: string;
      $metadata: { httpStatusCode: number };
    };
    expect(error.name).toBe('TooManyRequestsException');
    expect(error.$metadata.httpStatusCode).toBe(429);
    expect(error.Reason).toBe('ConcurrentInvocationLimitExceeded');
    expect(error.message).toBe('Rate Exceeded.');
    expect(payloadOf(await invoke('busy'))).toEqual(expect.any(Number));
  });

  it('makes reserved concurrency the limit, and 0 throttles everything', async () => {
    await deployFunction(ctx.clients, role, 'reserved', sleeper);
    const put = await lambda().send(
      new PutFunctionConcurrencyCommand({ FunctionName: 'reserved', ReservedConcurrentExecutions: 1 }),
    );
    expect(put.ReservedConcurrentExecutions).toBe(1);
    expect(
      (await lambda().send(new GetFunctionConcurrencyCommand({ FunctionName: 'reserved' })))
        .ReservedConcurrentExecutions,
    ).toBe(1);
    expect((await lambda().send(new GetFunctionCommand({ FunctionName: 'reserved' }))).Concurrency).toEqual({
      ReservedConcurrentExecutions: 1,
    });
    const settings = await lambda().send(new GetAccountSettingsCommand({}));
    expect(settings.AccountLimit).toMatchObject({
      ConcurrentExecutions: 1000,
      UnreservedConcurrentExecutions: 999,
      CodeSizeZipped: 52428800,
      CodeSizeUnzipped: 262144000,
    });
    expect(settings.AccountUsage?.FunctionCount).toBeGreaterThanOrEqual(1);

    const results = await Promise.allSettled([invoke('reserved', { ms: 300 }), invoke('reserved', { ms: 300 })]);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as { Reason: string }).Reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');

    await lambda().send(
      new PutFunctionConcurrencyCommand({ FunctionName: 'reserved', ReservedConcurrentExecutions: 0 }),
    );
    const throttled = await awsError(invoke('reserved'));
    expect(throttled.name).toBe('TooManyRequestsException');

    const tooMuch = await awsError(
      lambda().send(new PutFunctionConcurrencyCommand({ FunctionName: 'reserved', ReservedConcurrentExecutions: 950 })),
    );
    expect(tooMuch.name).toBe('InvalidParameterValueException');
    expect(tooMuch.message).toBe(
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution " +
        'below its minimum value of [100].',
    );

    await lambda().send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'reserved' }));
    expect(
      (await lambda().send(new GetFunctionConcurrencyCommand({ FunctionName: 'reserved' })))
        .ReservedConcurrentExecutions,
    ).toBeUndefined();
    expect(payloadOf(await invoke('reserved'))).toEqual(expect.any(Number));
  });

  it('queues Event invocations beyond the limit instead of refusing them', async () => {
    await deployFunction(ctx.clients, role, 'queued', {
      'index.mjs':
        `import { writeFileSync } from 'node:fs';
        export const handler = async (event) => { await new Promise((r) => setTimeout(r, 150)); ` +
        `writeFileSync(event.file, 'done'); };`,
    });
    const files = [0, 1, 2, 3, 4].map((index) => join(scratch, `event-${index}`));
    const accepted = await Promise.all(
      files.map((file) =>
        lambda().send(new InvokeCommand({ FunctionName: 'queued', InvocationType: 'Event', Payload: json({ file }) })),
      ),
    );
    expect(accepted.map((output) => output.StatusCode)).toEqual([202, 202, 202, 202, 202]);
    await expect.poll(() => files.filter((file) => existsSync(file)).length, { timeout: 10_000 }).toBe(5);
    expect(readdirSync(scratch).filter((name) => name.startsWith('event-'))).toHaveLength(5);
  });
});

describe('Lambda worker processes bounded per function', () => {
  const ctx = useEmulator({ lambdaWorkers: 2, lambdaConcurrency: 6 });
  let role: string;

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'bounded-role');
  });

  it(
    'runs executions beyond the worker count in turn on the same workers, ' +
      'and throttles beyond the concurrency limit',
    async () => {
      await deployFunction(ctx.clients, role, 'bounded', sleeper);
      // Long enough that a slow machine still sends every request of a burst before the first one ends.
      const invoke = () =>
        ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'bounded', Payload: json({ ms: 500 }) }));
      const started = performance.now();
      const answers = await Promise.all(Array.from({ length: 6 }, invoke));
      const elapsed = performance.now() - started;
      const pids = new Set(answers.map((answer) => payloadOf(answer)));
      expect(answers.every((answer) => answer.FunctionError === undefined)).toBe(true);
      expect(pids.size).toBeLessThanOrEqual(2);
      expect(elapsed).toBeGreaterThanOrEqual(3 * 500 - 50);

      const burst = await Promise.allSettled(Array.from({ length: 8 }, invoke));
      const throttled = burst.filter((outcome) => outcome.status === 'rejected');
      expect(throttled.length).toBe(2);
      expect((throttled[0] as PromiseRejectedResult).reason).toMatchObject({
        name: 'TooManyRequestsException',
        $metadata: { httpStatusCode: 429 },
      });
    },
  );
});
