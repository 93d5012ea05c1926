import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { InvokeCommand, PublishVersionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stsOperations } from '../../emulator/services/sts/index.js';
import { awsError, useEmulator } from '../support/emulator.js';
import {
  createLambdaRole,
  deployFunction,
  logOf,
  payloadOf,
  scratchForFunctions,
  zipFunction,
} from '../support/lambda-functions.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('Lambda Invoke', () => {
  // Strict auth: the credentials a function receives must pass full signature verification.
  const ctx = useEmulator({ strictAuth: true });
  const lambda = () => ctx.clients.lambda;
  let role: string;
  const scratch = scratchForFunctions('idpool-invoke-test-');

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'invoke-role');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs an async ESM handler and answers its result', async () => {
    await deployFunction(ctx.clients, role, 'esm', {
      'index.mjs': 'export const handler = async (event) => ({ doubled: event.n * 2 });',
    });
    const output = await lambda().send(new InvokeCommand({ FunctionName: 'esm', Payload: json({ n: 21 }) }));
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBeUndefined();
    expect(output.ExecutedVersion).toBe('$LATEST');
    expect(payloadOf(output)).toEqual({ doubled: 42 });
  });

  it('runs CommonJS callback handlers, .js ESM under "type": "module", handlers in subfolders', async () => {
    await deployFunction(ctx.clients, role, 'cjs', {
      'index.js': 'exports.handler = (event, context, callback) => callback(null, "cjs " + event.name);',
    });
    expect(
      payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'cjs', Payload: json({ name: 'ok' }) }))),
    ).toBe('cjs ok');

    await deployFunction(
      ctx.clients,
      role,
      'nested',
      {
        'package.json': '{"type":"module"}',
        'src/app.js': 'import { greet } from "./greet.js"; export const handler = async () => greet();',
        'src/greet.js': 'export const greet = () => "from src/app.js";',
      },
      { Handler: 'src/app.handler' },
    );
    expect(payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'nested' })))).toBe('from src/app.js');

    await deployFunction(
      ctx.clients,
      role,
      'cjs-ext',
      { 'main.cjs': 'module.exports.run = async () => "cjs extension";' },
      { Handler: 'main.run' },
    );
    expect(payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'cjs-ext' })))).toBe('cjs extension');
  });

  it('answers null for a handler that returns nothing, and the JSON of a string result', async () => {
    await deployFunction(ctx.clients, role, 'nothing', {
      'index.js': 'exports.handler = (event) => { if (event.text) return Promise.resolve(event.text); };',
    });
    expect(
      Buffer.from((await lambda().send(new InvokeCommand({ FunctionName: 'nothing' }))).Payload ?? []).toString(),
    ).toBe('null');
    expect(
      Buffer.from(
        (await lambda().send(new InvokeCommand({ FunctionName: 'nothing', Payload: json({ text: 'a"b' }) }))).Payload ??
          [],
      ).toString(),
    ).toBe('"a\\"b"');
  });

  it('waits for the event loop to empty after a callback unless callbackWaitsForEmptyEventLoop is false', async () => {
    const handler = `exports.handler = (event, context, callback) => {
      context.callbackWaitsForEmptyEventLoop = event.wait;
      setTimeout(() => console.log('timer fired'), 200);
      callback(null, 'called back');
    };`;
    await deployFunction(ctx.clients, role, 'loop', { 'index.js': handler });
    const waited = await lambda().send(
      new InvokeCommand({ FunctionName: 'loop', Payload: json({ wait: true }), LogType: 'Tail' }),
    );
    expect(payloadOf(waited)).toBe('called back');
    expect(logOf(waited)).toContain('timer fired');
    const hurried = await lambda().send(
      new InvokeCommand({ FunctionName: 'loop', Payload: json({ wait: false }), LogType: 'Tail' }),
    );
    expect(payloadOf(hurried)).toBe('called back');
    expect(logOf(hurried)).not.toContain('timer fired');
  });

  it('gives the handler the context object of Lambda', async () => {
    await deployFunction(
      ctx.clients,
      role,
      'contextual',
      {
        'index.mjs':
          `export const handler = async (event, context) => ({
          functionName: context.functionName, functionVersion: context.functionVersion, ` +
          `invokedFunctionArn: context.invokedFunctionArn,
          memoryLimitInMB: context.memoryLimitInMB, awsRequestId: context.awsRequestId, ` +
          `logGroupName: context.logGroupName,
          logStreamName: context.logStreamName, remaining: context.getRemainingTimeInMillis(), ` +
          `clientContext: context.clientContext,
          callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
          methods: [typeof context.done, typeof context.succeed, typeof context.fail] });`,
      },
      { MemorySize: 256, Timeout: 7 },
    );
    const output = await lambda().send(
      new InvokeCommand({
        FunctionName: 'contextual',
        ClientContext: Buffer.from(JSON.stringify({ custom: { app: 'test' } })).toString('base64'),
      }),
    );
    const context = payloadOf(output) as Record<string, unknown>;
    expect(context).toMatchObject({
      functionName: 'contextual',
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${ctx.emulator.region}:${ctx.emulator.accountId}:function:contextual`,
      memoryLimitInMB: '256',
      awsRequestId: output.$metadata.requestId,
      logGroupName: '/aws/lambda/contextual',
      clientContext: { custom: { app: 'test' } },
      callbackWaitsForEmptyEventLoop: true,
      methods: ['function', 'function', 'function'],
    });
    expect(context.logStreamName).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(context.remaining).toBeGreaterThan(5000);
    expect(context.remaining).toBeLessThanOrEqual(7000);
  });

  it(
    "gives the function its variables and Lambda's reserved ones, " + "and nothing of the emulator's environment",
    async () => {
      await deployFunction(
        ctx.clients,
        role,
        'environmental',
        {
          'index.mjs':
            `import { writeFileSync } from 'node:fs'; import { join } from 'node:path';
          export const handler = async () => { writeFileSync(join(process.env.TMPDIR, 'probe'), 'x'); ` +
            `return { env: process.env, cwd: process.cwd() }; };`,
        },
        { Environment: { Variables: { GREETING: 'hello' } }, MemorySize: 192 },
      );
      const { env, cwd } = payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'environmental' }))) as {
        env: Record<string, string>;
        cwd: string;
      };
      expect(env).toMatchObject({
        GREETING: 'hello',
        AWS_LAMBDA_FUNCTION_NAME: 'environmental',
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '192',
        AWS_REGION: ctx.emulator.region,
        AWS_DEFAULT_REGION: ctx.emulator.region,
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
        AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/environmental',
        _HANDLER: 'index.handler',
        TZ: ':UTC',
        AWS_ENDPOINT_URL: ctx.emulator.url,
        LAMBDA_TASK_ROOT: cwd,
      });
      expect(env.AWS_ACCESS_KEY_ID).toMatch(/^ASIA[A-Z2-7]{16}$/);
      expect(env.AWS_SECRET_ACCESS_KEY).toBeTruthy();
      expect(env.AWS_SESSION_TOKEN).toBeTruthy();
      expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/\[\$LATEST\]/);
      expect(env.LAMBDA_RUNTIME_DIR).toBeTruthy();
      expect(env._X_AMZN_TRACE_ID).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
      expect(existsSync(join(env.TMPDIR as string, 'probe'))).toBe(true);
      expect(cwd).toContain('idpool-lambda-');
      expect(env.VITEST).toBeUndefined();
    },
  );

  it(
    "calls AWS from inside the function with the role's credentials, " + 'through the bundled SDK and AWS_ENDPOINT_URL',
    async () => {
      const allowed = { Effect: 'Allow', Action: 'lambda:GetFunctionConfiguration', Resource: '*' };
      const PolicyDocument = JSON.stringify({ Version: '2012-10-17', Statement: [allowed] });
      const grant = new PutRolePolicyCommand({ RoleName: 'invoke-role', PolicyName: 'read-functions', PolicyDocument });
      await ctx.clients.iam.send(grant);
      await deployFunction(ctx.clients, role, 'self-aware', {
        'index.mjs':
          `import { LambdaClient, GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
        const client = new LambdaClient({});
        export const handler = async () => ` +
          `(await client.send(new GetFunctionConfigurationCommand({ ` +
          `FunctionName: process.env.AWS_LAMBDA_FUNCTION_NAME }))).Role;`,
      });
      expect(payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'self-aware' })))).toBe(role);
    },
  );

  it.skipIf(!stsOperations.GetCallerIdentity)(
    "calls STS GetCallerIdentity as the function's assumed role (needs STS from main)",
    async () => {
      await deployFunction(ctx.clients, role, 'who-am-i', {
        'index.mjs': `import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
        export const handler = async () => (await new STSClient({}).send(new GetCallerIdentityCommand({}))).Arn;`,
      });
      expect(payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'who-am-i' })))).toBe(
        `arn:aws:sts::${ctx.emulator.accountId}:assumed-role/invoke-role/who-am-i`,
      );
    },
  );

  it('answers an Event invocation with 202 at once and runs it in the background', async () => {
    await deployFunction(ctx.clients, role, 'eventful', {
      'index.mjs':
        `import { writeFileSync } from 'node:fs';
        export const handler = async (event) => { await new Promise((r) => setTimeout(r, 100)); ` +
        `writeFileSync(event.file, event.text); };`,
    });
    const file = join(scratch, 'event-output');
    const output = await lambda().send(
      new InvokeCommand({ FunctionName: 'eventful', InvocationType: 'Event', Payload: json({ file, text: 'ran' }) }),
    );
    expect(output.StatusCode).toBe(202);
    expect(output.Payload?.byteLength ?? 0).toBe(0);
    expect(existsSync(file)).toBe(false);
    await expect.poll(() => existsSync(file) && readFileSync(file, 'utf8'), { timeout: 10_000 }).toBe('ran');
  });

  it('answers a DryRun with 204 when the function exists', async () => {
    await deployFunction(ctx.clients, role, 'dry', {
      'index.mjs': 'export const handler = async () => { throw new Error("must not run"); };',
    });
    const output = await lambda().send(new InvokeCommand({ FunctionName: 'dry', InvocationType: 'DryRun' }));
    expect(output.StatusCode).toBe(204);
    const missing = await awsError(
      lambda().send(new InvokeCommand({ FunctionName: 'not-there', InvocationType: 'DryRun' })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('returns the last 4 KB of the log with LogType Tail', async () => {
    await deployFunction(ctx.clients, role, 'chatty', {
      'index.mjs':
        'export const handler = async (event) => { console.log("hello log"); ' +
        'console.error("x".repeat(event.size)); return "done"; };',
    });
    const short = await lambda().send(
      new InvokeCommand({ FunctionName: 'chatty', Payload: json({ size: 3 }), LogType: 'Tail' }),
    );
    const log = logOf(short);
    const id = short.$metadata.requestId;
    expect(log).toMatch(new RegExp(`^START RequestId: ${id} Version: \\$LATEST\\n`));
    expect(log).toMatch(new RegExp(`\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${id}\\tINFO\\thello log\\n`));
    expect(log).toContain(`\t${id}\tERROR\txxx\n`);
    expect(log).toContain(`END RequestId: ${id}\n`);
    expect(log).toMatch(
      new RegExp(
        `REPORT RequestId: ${id}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\t` +
          'Memory Size: 128 MB\\tMax Memory Used: \\d+ MB\\t',
      ),
    );
    const long = await lambda().send(
      new InvokeCommand({ FunctionName: 'chatty', Payload: json({ size: 10_000 }), LogType: 'Tail' }),
    );
    expect(Buffer.from(long.LogResult ?? '', 'base64').byteLength).toBe(4096);
    expect(logOf(long)).toMatch(/REPORT RequestId: .*\n$/);
    const untailed = await lambda().send(new InvokeCommand({ FunctionName: 'chatty', Payload: json({ size: 1 }) }));
    expect(untailed.LogResult).toBeUndefined();
  });

  it('runs the code of the version a qualifier names', async () => {
    await deployFunction(ctx.clients, role, 'versioned', { 'index.mjs': 'export const handler = async () => "v1";' });
    const published = await lambda().send(new PublishVersionCommand({ FunctionName: 'versioned' }));
    expect(published.Version).toBe('1');
    await lambda().send(
      new UpdateFunctionCodeCommand({
        FunctionName: 'versioned',
        ZipFile: zipFunction({ 'index.mjs': 'export const handler = async () => "v2";' }),
      }),
    );
    const latest = await lambda().send(new InvokeCommand({ FunctionName: 'versioned' }));
    expect(payloadOf(latest)).toBe('v2');
    const first = await lambda().send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: '1' }));
    expect(payloadOf(first)).toBe('v1');
    expect(first.ExecutedVersion).toBe('1');
    expect(payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'versioned:1' })))).toBe('v1');
    const missing = await awsError(lambda().send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: '7' })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('refuses a payload that is not JSON, and a function that does not exist', async () => {
    await deployFunction(ctx.clients, role, 'strict-json', { 'index.mjs': 'export const handler = async (e) => e;' });
    const notJson = await awsError(
      lambda().send(new InvokeCommand({ FunctionName: 'strict-json', Payload: Buffer.from('{"a":') })),
    );
    expect(notJson.name).toBe('InvalidRequestContentException');
    expect(notJson.$metadata.httpStatusCode).toBe(400);
    expect(notJson.message).toMatch(/^Could not parse request body into json: Could not parse payload into json: /);
    const missing = await awsError(lambda().send(new InvokeCommand({ FunctionName: 'no-such-function' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const empty = await lambda().send(new InvokeCommand({ FunctionName: 'strict-json' }));
    expect(payloadOf(empty)).toEqual({});
  });

  it('serves other services through runtime.lambda.invoke', async () => {
    await deployFunction(ctx.clients, role, 'proxied', {
      'index.mjs': 'export const handler = async (event) => ({ statusCode: 200, body: event.path });',
    });
    const result = await ctx.emulator.runtime.lambda.invoke(ctx.emulator.accountId, ctx.emulator.region, {
      functionName: `arn:aws:lambda:${ctx.emulator.region}:${ctx.emulator.accountId}:function:proxied`,
      payload: json({ path: '/hello' }),
      invocationType: 'RequestResponse',
    });
    expect(result.statusCode).toBe(200);
    expect(result.functionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(result.payload).toString())).toEqual({ statusCode: 200, body: '/hello' });
  });
});
