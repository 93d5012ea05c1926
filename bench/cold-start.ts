import { spawn } from 'node:child_process';
import { packageRoot } from '../emulator/package-root.js';
import { cognitoRequest } from './aws-requests.js';
import { sender } from './http-load.js';
import { Agent } from 'node:http';
import { benchCredentials } from './cognito-setup.js';
import { spawnIdpool } from './processes.js';

/** Milliseconds from spawning `idpool serve` to its first successful signed call (ListIdentityPools). */
export async function serveColdStartMs(): Promise<{ readyLineMs: number; firstCallMs: number }> {
  const started = performance.now();
  const server = await spawnIdpool();
  const agent = new Agent({ keepAlive: true });
  const send = sender(agent);
  try {
    for (;;) {
      const response = await send(
        cognitoRequest(server.url, 'us-east-1', 'ListIdentityPools', { MaxResults: 1 }, benchCredentials),
      ).catch(() => undefined);
      if (response?.status === 200)
        return { readyLineMs: server.readyAfterMs, firstCallMs: performance.now() - started };
      if (performance.now() - started > 10_000)
        throw new Error(`no successful call within 10 s: ${response?.status} ${response?.body}`);
    }
  } finally {
    agent.destroy();
    await server.stop();
  }
}

/** Milliseconds from a fresh Node process start to the first successful call of an emulator it starts in-process. */
export function inProcessColdStartMs(): Promise<number> {
  const keys = "{ accessKeyId: 'test', secretAccessKey: 'test' }";
  const script = `
    const { startEmulator } = await import(${JSON.stringify(`${packageRoot}/dist/emulator/index.js`)});
    const { cognitoRequest } = await import(${JSON.stringify(`${packageRoot}/dist/bench/aws-requests.js`)});
    const emulator = await startEmulator({ port: 0, logLevel: 'warn' });
    const request = cognitoRequest(emulator.url, 'us-east-1', 'ListIdentityPools', { MaxResults: 1 }, ${keys});
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
    if (response.status !== 200) throw new Error('HTTP ' + response.status + ' ' + await response.text());
    process.stdout.write(String(performance.now()));
    await emulator.stop();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(Number(output)) : reject(new Error(`in-process start failed (${code})`)),
    );
  });
}
