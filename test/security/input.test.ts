import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { createDeveloperPool, developerProvider } from '../cognito-identity/flow-support.js';
import { useEmulator } from '../support/emulator.js';
import { cognitoCall, json, send, signed } from './support.js';

const invalidUtf8 = (before: string, bytes: number[], after: string) =>
  Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);

describe('request bodies that are not UTF-8 or nest too deep', () => {
  const ctx = useEmulator({ logLevel: 'error' });

  it('awsJson: SerializationException for invalid UTF-8, deep nesting and lone surrogate escapes', async () => {
    const bodies = [
      invalidUtf8('{"IdentityPoolName":"', [0xff, 0xfe], '","AllowUnauthenticatedIdentities":true}'),
      invalidUtf8('{"IdentityPoolName":"', [0xc3], '","AllowUnauthenticatedIdentities":true}'),
      '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":true,' +
        `"SupportedLoginProviders":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      `{"IdentityPoolName":"${'[]'.repeat(10)}","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
      '{"IdentityPoolName":"\\ud800","AllowUnauthenticatedIdentities":true}',
    ];
    for (const body of bodies) {
      const answer = await send(
        ctx.emulator,
        signed(ctx.emulator, 'cognito-identity', cognitoCall('CreateIdentityPool', body)),
      );
      expect(answer.status).toBe(400);
      expect(answer.headers['x-amzn-errortype']).toBe('SerializationException');
      expect(json(answer).__type).toBe('SerializationException');
    }
    expect((await fetch(`${ctx.emulator.url}/_idpool/health`)).status).toBe(200);
  });

  it('restJson: SerializationException with x-amzn-ErrorType for invalid UTF-8 and deep nesting', async () => {
    for (const body of [
      invalidUtf8('{"name":"', [0xed, 0xa0, 0x80], '"}'),
      `{"name":"n","tags":${'{"t":'.repeat(5000)}"v"${'}'.repeat(5000)}}`,
    ]) {
      const answer = await send(
        ctx.emulator,
        signed(ctx.emulator, 'apigateway', {
          method: 'POST',
          path: '/restapis',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      );
      expect(answer.status).toBe(400);
      expect(answer.headers['x-amzn-errortype']).toBe('SerializationException');
      expect(typeof json(answer).message).toBe('string');
    }
  });

  it('awsQuery: an XML error for invalid UTF-8 bytes or percent-escapes in the form', async () => {
    for (const body of [
      invalidUtf8('Action=CreateRole&Version=2010-05-08&RoleName=r', [0xff], '&AssumeRolePolicyDocument=%7B%7D'),
      'Action=CreateRole&Version=2010-05-08&RoleName=r%FF&AssumeRolePolicyDocument=%7B%7D',
    ]) {
      const answer = await send(
        ctx.emulator,
        signed(ctx.emulator, 'iam', {
          method: 'POST',
          path: '/',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(
        /^<ErrorResponse [^>]*><Error><Type>Sender<\/Type><Code>InvalidQueryParameter<\/Code>/,
      );
    }
  });

  it('never lets two invalid UTF-8 developer user ids collapse into one identity', async () => {
    const pool = await createDeveloperPool(ctx.clients);
    const token = (user: Buffer) =>
      send(
        ctx.emulator,
        signed(
          ctx.emulator,
          'cognito-identity',
          cognitoCall(
            'GetOpenIdTokenForDeveloperIdentity',
            Buffer.concat([
              Buffer.from(`{"IdentityPoolId":"${pool.poolId}","Logins":{"${developerProvider}":"`),
              user,
              Buffer.from('"}}'),
            ]),
          ),
        ),
      );
    for (const user of [
      invalidUtf8('alice', [0xff], ''),
      invalidUtf8('alice', [0xfe], ''),
      Buffer.from('alice\\udc00'),
      Buffer.from('alice\\udfff'),
    ]) {
      const answer = await token(user);
      expect(answer.status, user.toString('latin1')).toBe(400);
      expect(json(answer).__type).toBe('SerializationException');
    }
    const valid = await token(Buffer.from('alice\u00ff'));
    expect(valid.status).toBe(200);
    const other = await token(Buffer.from('alice\ufffd'));
    expect(json(other).IdentityId).not.toBe(json(valid).IdentityId);
  });
});

describe('secrets in logged URLs', () => {
  it('are redacted, including the debug log of a request aborted before its body arrived', async () => {
    const lines: string[] = [];
    const emulator = await startEmulator({ port: 0, logLevel: 'debug', logSink: (line) => lines.push(line) });
    try {
      const query =
        'X-Amz-Security-Token=SessionTokenSecret123&X-Amz-Signature=cafe0123signature' +
        '&X-Amz-Credential=AKIDSECRETKEY%2F20260101&keep=visible';
      await new Promise<void>((resolve, reject) => {
        const socket = connect(emulator.port, '127.0.0.1', () => {
          socket.write(
            `POST /?${query} HTTP/1.1\r\nHost: 127.0.0.1:${emulator.port}\r\nContent-Type: application/json\r\n` +
              'Content-Length: 1000\r\n\r\n{"partial":',
          );
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 100);
        });
        socket.on('error', reject);
      });
      const deadline = Date.now() + 5000;
      while (!lines.some((line) => line.includes('client went away')) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const log = lines.join('\n');
      expect(log).toContain('client went away');
      expect(log).toContain('keep=visible');
      for (const secret of ['SessionTokenSecret123', 'cafe0123signature', 'AKIDSECRETKEY'])
        expect(log).not.toContain(secret);
      expect(log).toContain('X-Amz-Security-Token=REDACTED');
    } finally {
      await emulator.stop();
    }
  });
});
