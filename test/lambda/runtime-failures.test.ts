import { InvokeCommand, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, logOf, payloadOf } from '../support/lambda-functions.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

interface ErrorBody {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

/**
 * Handlers that fail in every way a Node.js function can. After each failure the emulator still answers and the
 * function works again (on a fresh worker when the old one died).
 */
describe('Lambda runtime failures', () => {
  const ctx = useEmulator();
  const lambda = () => ctx.clients.lambda;
  let role: string;

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'failures-role');
  });

  async function invoke(name: string, event: unknown = {}): Promise<InvokeCommandOutput> {
    return lambda().send(new InvokeCommand({ FunctionName: name, Payload: json(event), LogType: 'Tail' }));
  }

  function failure(output: InvokeCommandOutput): ErrorBody {
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBe('Unhandled');
    return payloadOf(output) as ErrorBody;
  }

  async function expectRecovery(name: string): Promise<void> {
    const health = await fetch(`${ctx.emulator.url}/_idpool/health`);
    expect(health.status).toBe(200);
    const output = await invoke(name, { ok: true });
    expect(output.FunctionError).toBeUndefined();
    expect(payloadOf(output)).toBe('fine');
  }

  /** A function that misbehaves as `failure` says unless the event says `ok`. */
  async function deployMisbehaving(
    name: string,
    failure: string,
    extra: { Timeout?: number; MemorySize?: number } = {},
  ): Promise<void> {
    await deployFunction(
      ctx.clients,
      role,
      name,
      { 'index.mjs': `export const handler = async (event) => { if (event.ok) return 'fine'; ${failure} };` },
      extra,
    );
  }

  it('answers a thrown error as Lambda does: errorType, errorMessage, trace', async () => {
    await deployMisbehaving('thrower', 'null.property;');
    const body = failure(await invoke('thrower'));
    expect(body.errorType).toBe('TypeError');
    expect(body.errorMessage).toMatch(/Cannot read properties of null/);
    expect(body.trace?.[0]).toBe(`TypeError: ${body.errorMessage}`);
    expect(body.trace?.length).toBeGreaterThan(1);
    await expectRecovery('thrower');
  });

  it('names custom errors and non-Error values as Lambda does', async () => {
    await deployFunction(ctx.clients, role, 'custom-errors', {
      'index.js': `class PaymentError extends Error { constructor(m) { super(m); this.name = 'PaymentError'; } }
        exports.handler = (event, context, callback) => {
          if (event.kind === 'custom') return Promise.reject(new PaymentError('card declined'));
          if (event.kind === 'string') return callback('plain failure');
          context.fail(new RangeError('out of range'));
        };`,
    });
    expect(failure(await invoke('custom-errors', { kind: 'custom' }))).toMatchObject({
      errorType: 'PaymentError',
      errorMessage: 'card declined',
    });
    expect(failure(await invoke('custom-errors', { kind: 'string' }))).toEqual({
      errorType: 'string',
      errorMessage: 'plain failure',
      trace: [],
    });
    expect(failure(await invoke('custom-errors', { kind: 'fail' }))).toMatchObject({
      errorType: 'RangeError',
      errorMessage: 'out of range',
    });
    const log = logOf(await invoke('custom-errors', { kind: 'custom' }));
    expect(log).toMatch(
      /\tERROR\tInvoke Error \t\{"errorType":"PaymentError","errorMessage":"card declined","stack":\[/,
    );
  });

  it('stops a function at its timeout and replaces the worker', async () => {
    await deployMisbehaving('sleeper', 'setInterval(() => {}, 1000); await new Promise(() => {});', { Timeout: 1 });
    const started = performance.now();
    const output = await invoke('sleeper');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(5000);
    expect(failure(output)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${output.$metadata.requestId} Error: Task timed out after 1.00 seconds`,
    });
    const log = logOf(output);
    expect(log).toMatch(new RegExp(`Z ${output.$metadata.requestId} Task timed out after 1.00 seconds\\n`));
    expect(log).toMatch(/Status: timeout\n$/);
    await expectRecovery('sleeper');
  });

  it('answers Runtime.ExitError when the function calls process.exit', async () => {
    await deployMisbehaving('quitter', 'process.exit(3);');
    const output = await invoke('quitter');
    expect(failure(output)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${output.$metadata.requestId} Error: Runtime exited with error: exit status 3`,
    });
    await expectRecovery('quitter');
  });

  it('answers Runtime.OutOfMemory when the function exhausts its memory', async () => {
    await deployMisbehaving('hog', 'const hoard = []; for (;;) hoard.push(new Array(1e6).fill(Math.random()));', {
      MemorySize: 128,
      Timeout: 60,
    });
    const output = await invoke('hog');
    const body = failure(output);
    expect(body.errorType).toBe('Runtime.OutOfMemory');
    expect(body.errorMessage).toMatch(
      new RegExp(`^RequestId: ${output.$metadata.requestId} Error: Runtime exited with error: signal: `),
    );
    await expectRecovery('hog');
  }, 90_000);

  it('answers an exception thrown outside the handler, then exits the worker', async () => {
    await deployMisbehaving(
      'stray',
      "setTimeout(() => { throw new Error('stray'); }, 10); await new Promise((r) => setTimeout(r, 1000));",
      { Timeout: 5 },
    );
    expect(failure(await invoke('stray'))).toMatchObject({ errorType: 'Error', errorMessage: 'stray' });
    await expectRecovery('stray');
  });

  it('answers Runtime.UnhandledPromiseRejection for a rejection nobody handles', async () => {
    await deployMisbehaving(
      'rejecter',
      "Promise.reject(new Error('nobody listens')); await new Promise((r) => setTimeout(r, 1000));",
      { Timeout: 5 },
    );
    expect(failure(await invoke('rejecter'))).toMatchObject({
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'Error: nobody listens',
    });
    await expectRecovery('rejecter');
  });

  it('answers Runtime.HandlerNotFound, Runtime.ImportModuleError and Runtime.UserCodeSyntaxError', async () => {
    await deployFunction(ctx.clients, role, 'misnamed', { 'index.mjs': 'export const handle = async () => 1;' });
    expect(failure(await invoke('misnamed'))).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.handler is undefined or not exported',
    });

    await deployFunction(ctx.clients, role, 'not-a-function', { 'index.js': 'exports.handler = 42;' });
    expect(failure(await invoke('not-a-function'))).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.handler is not a function',
    });

    await deployFunction(ctx.clients, role, 'moduleless', { 'other.mjs': 'export const handler = async () => 1;' });
    const moduleless = failure(await invoke('moduleless'));
    expect(moduleless.errorType).toBe('Runtime.ImportModuleError');
    expect(moduleless.errorMessage).toMatch(/^Error: Cannot find module 'index'\nRequire stack:\n- /);

    await deployFunction(ctx.clients, role, 'missing-dependency', {
      'index.js': "const lib = require('left-pad-that-is-not-there'); exports.handler = async () => lib;",
    });
    const dependency = failure(await invoke('missing-dependency'));
    expect(dependency.errorType).toBe('Runtime.ImportModuleError');
    expect(dependency.errorMessage).toMatch(/^Error: Cannot find module 'left-pad-that-is-not-there'/);

    await deployFunction(ctx.clients, role, 'unparsable', { 'index.mjs': 'export const handler = async () => {' });
    const syntax = failure(await invoke('unparsable'));
    expect(syntax.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(syntax.errorMessage).toMatch(/^SyntaxError: /);

    await deployFunction(
      ctx.clients,
      role,
      'badly-named',
      { 'index.mjs': 'export const handler = async () => 1;' },
      { Handler: 'index' },
    );
    expect(failure(await invoke('badly-named')).errorType).toBe('Runtime.MalformedHandlerName');
  });

  it('answers an error thrown while the module loads, on every invocation until it is fixed', async () => {
    await deployFunction(ctx.clients, role, 'init-fails', {
      'index.mjs': "console.log('initializing'); throw new Error('no config'); export const handler = async () => 1;",
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      const output = await invoke('init-fails');
      expect(failure(output)).toMatchObject({ errorType: 'Error', errorMessage: 'no config' });
      const log = logOf(output);
      expect(log).toContain('\tundefined\tINFO\tinitializing\n');
      expect(log).toContain('\tundefined\tERROR\tUncaught Exception \t{"errorType":"Error","errorMessage":"no config"');
    }
  });

  it('refuses a response larger than 6 MB', async () => {
    await deployMisbehaving('bloated', "return 'x'.repeat(7 * 1024 * 1024);");
    expect(failure(await invoke('bloated'))).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
    await expectRecovery('bloated');
  });
});
