import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { createDeveloperPool, developerToken } from '../cognito-identity/flow-support.js';
import { clientsFor } from '../support/emulator.js';
import { serve } from '../support/processes.js';

describe('security defaults', () => {
  it('listens on 127.0.0.1 unless --host says otherwise', async () => {
    const server = await serve();
    try {
      expect(new URL(server.url).hostname).toBe('127.0.0.1');
    } finally {
      await server.stop();
    }
  });

  it('serves no admin route with --no-admin', async () => {
    const server = await serve(['--no-admin']);
    try {
      for (const [method, path] of [
        ['GET', 'health'],
        ['POST', 'reset'],
        ['GET', 'state'],
        ['POST', 'clock'],
      ]) {
        const response = await fetch(`${server.url}/_idpool/${path}`, {
          method,
          body: method === 'POST' ? '{}' : undefined,
        });
        expect(response.status, path).toBe(404);
      }
    } finally {
      await server.stop();
    }
  });

  it('never writes a secret key, session token or OpenID token to its log, even at debug level', async () => {
    const lines: string[] = [];
    const emulator = await startEmulator({ port: 0, logLevel: 'debug', logSink: (line) => lines.push(line) });
    try {
      const clients = clientsFor(emulator);
      const pool = await createDeveloperPool(clients);
      const { identityId, token } = await developerToken(clients, pool.poolId, 'alice');
      const answer = await clients.cognito.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: identityId,
          Logins: { 'cognito-identity.amazonaws.com': token },
        }),
      );
      const credentials = answer.Credentials as { AccessKeyId: string; SecretKey: string; SessionToken: string };
      const asRole = clientsFor(emulator, {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretKey,
        sessionToken: credentials.SessionToken,
      });
      await asRole.sts.send(new GetCallerIdentityCommand({}));
      const wrongSecret = clientsFor(emulator, {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: 'wrong',
        sessionToken: credentials.SessionToken,
      });
      await wrongSecret.sts.send(new GetCallerIdentityCommand({})).catch(() => undefined);

      expect(lines.length).toBeGreaterThan(5);
      const log = lines.join('\n');
      for (const secret of [credentials.SecretKey, credentials.SessionToken, token, token.split('.')[2] as string])
        expect(log).not.toContain(secret);
    } finally {
      await emulator.stop();
    }
  });
});
