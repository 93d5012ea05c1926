import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';

describe('a client that disconnects mid-request', () => {
  it('is no error: the emulator forgets the request and keeps answering others', async () => {
    const lines: string[] = [];
    const emulator = await startEmulator({ port: 0, logLevel: 'info', logSink: (line) => lines.push(line) });
    try {
      for (let attempt = 0; attempt < 20; attempt++) {
        await new Promise<void>((resolve, reject) => {
          const socket = connect(emulator.port, '127.0.0.1', () => {
            socket.write(
              'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n' +
                'X-Amz-Target: AWSCognitoIdentityService.GetId\r\nContent-Length: 1000\r\n\r\n{"IdentityPoolId":',
            );
            setTimeout(() => {
              socket.destroy();
              resolve();
            }, 5);
          });
          socket.on('error', reject);
        });
      }
      const health = await fetch(`${emulator.url}/_idpool/health`);
      expect(health.status).toBe(200);
      expect(lines.filter((line) => line.includes('ERROR'))).toEqual([]);
    } finally {
      await emulator.stop();
    }
  });
});
