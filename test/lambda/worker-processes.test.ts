import {
  DeleteFunctionCommand,
  InvokeCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { clientsFor, useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, payloadOf, zipFunction } from '../support/lambda-functions.js';

/** A handler that starts a `sleep` grandchild (in the worker's process group) and answers its pid, then waits. */
const forker = `import { spawn } from 'node:child_process';
export const handler = async (event) => {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  child.unref();
  if (event.exit) setTimeout(() => process.exit(3), 50);
  if (event.waitMs) await new Promise((r) => setTimeout(r, event.waitMs));
  return child.pid;
};`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs = 3000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return !alive(pid);
}

/** The pid a forker started, read from its `ps` listing when the invocation itself cannot answer it. */
function sleepersOf(marker: string): number[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return listing
    .split('\n')
    .filter((line) => line.includes(`sleep ${marker}`))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('Lambda worker processes: the whole process group goes with the worker', () => {
  const ctx = useEmulator();
  let role: string;
  const invoke = (name: string, event: object) =>
    ctx.clients.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)) }));

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'processes-role');
  });

  it('kills what a function forked when it times out', async () => {
    const marker = '301';
    await deployFunction(
      ctx.clients,
      role,
      'timeout-forker',
      { 'index.mjs': forker.replace("'300'", `'${marker}'`) },
      { Timeout: 1 },
    );
    const answer = await invoke('timeout-forker', { waitMs: 5000 });
    expect(payloadOf(answer)).toMatchObject({ errorType: 'Sandbox.Timedout' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sleepersOf(marker)).toEqual([]);
  });

  it('kills what a function forked when the worker crashes', async () => {
    const marker = '302';
    await deployFunction(
      ctx.clients,
      role,
      'crash-forker',
      { 'index.mjs': forker.replace("'300'", `'${marker}'`) },
      { Timeout: 5 },
    );
    const answer = await invoke('crash-forker', { exit: true, waitMs: 1000 });
    expect(payloadOf(answer)).toMatchObject({ errorType: 'Runtime.ExitError' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sleepersOf(marker)).toEqual([]);
  });

  it('kills what an idle worker forked on a configuration change, a code change and a delete', async () => {
    await deployFunction(ctx.clients, role, 'idle-forker', { 'index.mjs': forker }, { Timeout: 5 });
    const first = payloadOf(await invoke('idle-forker', {})) as number;
    expect(alive(first)).toBe(true);
    await ctx.clients.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'idle-forker', MemorySize: 256 }),
    );
    expect(await gone(first)).toBe(true);

    const second = payloadOf(await invoke('idle-forker', {})) as number;
    await ctx.clients.lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: 'idle-forker',
        ZipFile: zipFunction({ 'index.mjs': `${forker}\n// v2` }),
      }),
    );
    expect(await gone(second)).toBe(true);

    const third = payloadOf(await invoke('idle-forker', {})) as number;
    await ctx.clients.lambda.send(new DeleteFunctionCommand({ FunctionName: 'idle-forker' }));
    expect(await gone(third)).toBe(true);
  }, 30_000);
});

describe('Lambda worker processes: emulator stop and temp folders of dead emulators', () => {
  it('kills what a function forked when the emulator stops', async () => {
    const emulator = await startEmulator({ port: 0, logLevel: 'warn' });
    const clients = clientsFor(emulator);
    await deployFunction(clients, await createLambdaRole(clients, 'stop-role'), 'stop-forker', { 'index.mjs': forker });
    const pid = payloadOf(
      await clients.lambda.send(new InvokeCommand({ FunctionName: 'stop-forker', Payload: Buffer.from('{}') })),
    ) as number;
    expect(alive(pid)).toBe(true);
    await emulator.stop();
    expect(await gone(pid)).toBe(true);
  }, 30_000);

  it('removes at start the temp folders whose emulator process is gone, and only those', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout.trim());
    const orphan = join(tmpdir(), `idpool-lambda-${deadPid}-Abc123`);
    const living = join(tmpdir(), `idpool-lambda-${process.pid}-Def456`);
    for (const dir of [orphan, living]) {
      mkdirSync(join(dir, 'code'), { recursive: true });
      writeFileSync(join(dir, 'code', 'index.mjs'), 'left behind');
    }
    const emulator = await startEmulator({ port: 0, logLevel: 'warn' });
    try {
      const deadline = Date.now() + 5000;
      while (existsSync(orphan) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(existsSync(orphan)).toBe(false);
      expect(existsSync(living)).toBe(true);
    } finally {
      await emulator.stop();
      spawnSync('rm', ['-rf', living, orphan]);
    }
  });
});

describe('Lambda worker processes: MemorySize, bounded messages and a clean environment', () => {
  const ctx = useEmulator();
  let role: string;
  const emulatorPath = process.env.PATH;

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'limits-role');
  });
  afterAll(() => {
    process.env.PATH = emulatorPath;
  });

  it('answers Runtime.OutOfMemory when a function’s resident memory passes MemorySize ' +
    '(Buffers too, not only the heap)', async () => {
    const hog =
      `export const handler = async () => {
      const kept = [];
      for (let i = 0; i < 12; i++) { kept.push(Buffer.alloc(32 * 1024 * 1024, 1)); ` +
      `await new Promise((r) => setTimeout(r, 100)); }
      return kept.length;
    };`;
    await deployFunction(ctx.clients, role, 'buffer-hog', { 'index.mjs': hog }, { MemorySize: 128, Timeout: 30 });
    const answer = await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'buffer-hog' }));
    expect(answer.FunctionError).toBe('Unhandled');
    const body = payloadOf(answer) as { errorType: string; errorMessage: string };
    expect(body.errorType).toBe('Runtime.OutOfMemory');
    expect(body.errorMessage).toBe(
      `RequestId: ${answer.$metadata.requestId} Error: Runtime exited with error: signal: killed`,
    );
    const next = await ctx.clients.lambda.send(
      new InvokeCommand({ FunctionName: 'buffer-hog', Payload: Buffer.from('{}') }),
    );
    expect(next.StatusCode).toBe(200);
  }, 60_000);

  it('refuses a fake message of a huge announced size at once, without waiting for it', async () => {
    // Writes straight to the worker's channel (fd 3) a frame announcing 2 GB, then streams data that never ends it.
    const faker = `import { writeSync } from 'node:fs';
    export const handler = async () => {
      const header = Buffer.alloc(8);
      header.writeUInt32BE(0x7fffffff, 0);
      header.writeUInt32BE(0x7fffffff, 4);
      writeSync(3, header);
      const junk = Buffer.alloc(1024 * 1024, 0x61);
      for (let i = 0; i < 64; i++) { try { writeSync(3, junk); } catch { break; } }
      await new Promise((r) => setTimeout(r, 20000));
      return 'never';
    };`;
    await deployFunction(ctx.clients, role, 'faker', { 'index.mjs': faker }, { Timeout: 15 });
    const started = performance.now();
    const answer = await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'faker' }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(answer.FunctionError).toBe('Unhandled');
    expect(payloadOf(answer)).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
  }, 30_000);

  it('gives a worker none of the emulator’s environment, not even its PATH', async () => {
    process.env.PATH = `/idpool-emulator-only-path:${emulatorPath}`;
    process.env.IDPOOL_EMULATOR_SECRET = 'not for functions';
    try {
      await deployFunction(ctx.clients, role, 'env-reader', {
        'index.mjs': 'export const handler = async () => process.env;',
      });
      const env = payloadOf(await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'env-reader' }))) as Record<
        string,
        string
      >;
      expect(env.IDPOOL_EMULATOR_SECRET).toBeUndefined();
      expect(env.PATH).not.toContain('/idpool-emulator-only-path');
      expect(env.PATH).toContain('/usr/bin');
    } finally {
      delete process.env.IDPOOL_EMULATOR_SECRET;
      process.env.PATH = emulatorPath;
    }
  });
});
