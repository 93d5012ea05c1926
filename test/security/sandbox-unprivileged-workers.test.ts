import { InvokeCommand } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, payloadOf } from '../support/lambda-functions.js';

const probe = `import { readFileSync } from 'node:fs';
export const handler = async () => {
  const attempt = (action) => { try { action(); return 'allowed'; } catch (error) { return error.code; } };
  return {
    uid: process.getuid(),
    readEnviron: attempt(() => readFileSync('/proc/' + process.ppid + '/environ')),
    signal: attempt(() => process.kill(process.ppid, 0)),
  };
};`;

const asRoot = process.getuid?.() === 0;

// Issue 8: a function could read the emulator's environment (/proc/<ppid>/environ, secrets included) and kill it.
// Lambda runs functions as a non-root user; when the emulator runs as root, idpool's workers run as `nobody`.
describe.skipIf(!asRoot)('workers of an emulator running as root (skipped: these tests do not run as root)', () => {
  const ctx = useEmulator();
  let role: string;

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'probe-role');
  });

  it(
    'run as an unprivileged user: ' + 'the emulator’s environment is unreadable and the emulator cannot be signalled',
    async () => {
      await deployFunction(ctx.clients, role, 'probe', { 'index.mjs': probe });
      const answer = await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'probe' }));
      expect(answer.FunctionError).toBeUndefined();
      const result = payloadOf(answer) as { uid: number; readEnviron: string; signal: string };
      expect(result.uid).not.toBe(0);
      expect(result.readEnviron).toBe('EACCES');
      expect(result.signal).toBe('EPERM');
    },
  );
});
