import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  DeleteFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { awsError, clientsFor, useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, payloadOf, waitUpdated, zipFunction } from '../support/lambda-functions.js';

const answering = (text: string) => ({
  'index.mjs':
    `export const handler = async () => ({ text: ${JSON.stringify(text)}, ` +
    'root: process.env.LAMBDA_TASK_ROOT, pid: process.pid });',
});

interface Answer {
  text: string;
  root: string;
  pid: number;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Lambda versions, tags and the life of code folders', () => {
  const ctx = useEmulator();
  const lambda = () => ctx.clients.lambda;
  let role: string;
  const arnOf = (name: string) => `arn:aws:lambda:${ctx.emulator.region}:${ctx.emulator.accountId}:function:${name}`;

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'lifecycle-role');
  });

  it('publishes versions: on create, on request, not twice for the same code', async () => {
    const created = await deployFunction(ctx.clients, role, 'published', answering('one'), { Publish: true });
    // Version 1 under the unqualified ARN (recorded: test_publish_version_on_create::create_response).
    expect(created.Version).toBe('1');
    expect(created.FunctionArn).toBe(arnOf('published'));
    const unchanged = await lambda().send(new PublishVersionCommand({ FunctionName: 'published' }));
    expect(unchanged.Version).toBe('1');
    await lambda().send(
      new UpdateFunctionCodeCommand({ FunctionName: 'published', ZipFile: zipFunction(answering('two')) }),
    );
    await waitUpdated(lambda(), 'published');
    const second = await lambda().send(new PublishVersionCommand({ FunctionName: 'published', Description: 'second' }));
    expect(second).toMatchObject({ Version: '2', Description: 'second', FunctionArn: `${arnOf('published')}:2` });

    const versions = await lambda().send(new ListVersionsByFunctionCommand({ FunctionName: 'published' }));
    expect(versions.Versions?.map((version) => version.Version)).toEqual(['$LATEST', '1', '2']);
    const all = await lambda().send(new ListFunctionsCommand({ FunctionVersion: 'ALL' }));
    expect(all.Functions?.filter((fn) => fn.FunctionName === 'published').map((fn) => fn.Version)).toEqual([
      '$LATEST',
      '1',
      '2',
    ]);
    expect(
      (await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: 'published', Qualifier: '1' })))
        .CodeSha256,
    ).toBe(created.CodeSha256);

    const latest = await awsError(
      lambda().send(new DeleteFunctionCommand({ FunctionName: 'published', Qualifier: '$LATEST' })),
    );
    expect(latest.name).toBe('InvalidParameterValueException');
    await lambda().send(new DeleteFunctionCommand({ FunctionName: 'published', Qualifier: '1' }));
    const gone = await awsError(lambda().send(new InvokeCommand({ FunctionName: 'published', Qualifier: '1' })));
    expect(gone.name).toBe('ResourceNotFoundException');
    expect(
      (payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'published', Qualifier: '2' }))) as Answer).text,
    ).toBe('two');
  });

  it('tags functions', async () => {
    await deployFunction(ctx.clients, role, 'tagged', answering('t'), { Tags: { first: '1' } });
    await lambda().send(new TagResourceCommand({ Resource: arnOf('tagged'), Tags: { second: '2' } }));
    expect((await lambda().send(new ListTagsCommand({ Resource: arnOf('tagged') }))).Tags).toEqual({
      first: '1',
      second: '2',
    });
    await lambda().send(new UntagResourceCommand({ Resource: arnOf('tagged'), TagKeys: ['first'] }));
    expect((await lambda().send(new ListTagsCommand({ Resource: arnOf('tagged') }))).Tags).toEqual({ second: '2' });
    const missing = await awsError(lambda().send(new ListTagsCommand({ Resource: arnOf('untagged-ghost') })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('removes a code folder once its code is replaced, and all of a function once it is deleted', async () => {
    await deployFunction(ctx.clients, role, 'folders', answering('old'));
    const before = payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'folders' }))) as Answer;
    expect(existsSync(join(before.root, 'index.mjs'))).toBe(true);
    await lambda().send(
      new UpdateFunctionCodeCommand({ FunctionName: 'folders', ZipFile: zipFunction(answering('new')) }),
    );
    const after = payloadOf(await lambda().send(new InvokeCommand({ FunctionName: 'folders' }))) as Answer;
    expect(after.text).toBe('new');
    expect(after.root).not.toBe(before.root);
    await expect.poll(() => existsSync(before.root)).toBe(false);
    await expect.poll(() => isRunning(before.pid)).toBe(false);
    await lambda().send(new DeleteFunctionCommand({ FunctionName: 'folders' }));
    await expect.poll(() => existsSync(after.root)).toBe(false);
    await expect.poll(() => isRunning(after.pid)).toBe(false);
  });
});

describe('Lambda and the admin reset', () => {
  const ctx = useEmulator();

  it('stops the workers of the functions a reset empties', async () => {
    const role = await createLambdaRole(ctx.clients, 'reset-role');
    await deployFunction(ctx.clients, role, 'reset-me', answering('before reset'));
    const answer = payloadOf(await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'reset-me' }))) as Answer;
    const reset = await fetch(`${ctx.emulator.url}/_idpool/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    await expect.poll(() => isRunning(answer.pid)).toBe(false);
    await expect.poll(() => existsSync(answer.root)).toBe(false);
    const gone = await awsError(ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'reset-me' })));
    expect(gone.name).toBe('ResourceNotFoundException');
  });
});

describe('Lambda across emulator restarts', () => {
  it('stops every worker and removes its temp folder on stop; keeps functions and code in --data-dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idpool-lambda-data-'));
    try {
      const first = await startEmulator({ port: 0, logLevel: 'warn', dataDir });
      const clients = clientsFor(first);
      const role = await createLambdaRole(clients, 'durable-role');
      await deployFunction(clients, role, 'durable', answering('still here'));
      const answer = payloadOf(await clients.lambda.send(new InvokeCommand({ FunctionName: 'durable' }))) as Answer;
      expect(isRunning(answer.pid)).toBe(true);
      const tempRoot = dirname(dirname(answer.root));
      expect(tempRoot).toMatch(/idpool-lambda-/);
      await first.stop();
      await expect.poll(() => isRunning(answer.pid)).toBe(false);
      expect(existsSync(tempRoot)).toBe(false);

      const second = await startEmulator({ port: 0, logLevel: 'warn', dataDir });
      try {
        const again = payloadOf(
          await clientsFor(second).lambda.send(new InvokeCommand({ FunctionName: 'durable' })),
        ) as Answer;
        expect(again.text).toBe('still here');
        expect(again.pid).not.toBe(answer.pid);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
