import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { packageRoot } from '../emulator/package-root.js';

export interface ServerProcess {
  url: string;
  /** The whole match of the ready pattern (its first group is `url`). */
  ready: RegExpExecArray;
  child: ChildProcess;
  /** Milliseconds from spawn to the line that says it listens. */
  readyAfterMs: number;
  stop(): Promise<void>;
}

export const cliPath = `${packageRoot}/dist/cli/main.js`;

/** Spawns a server process and waits for the line naming its URL. */
export function spawnServer(
  command: string,
  args: string[],
  readyPattern: RegExp,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = readyPattern.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({
          url: match[1] as string,
          ready: match,
          child,
          readyAfterMs: performance.now() - started,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)));
    child.once('error', reject);
  });
}

export function spawnIdpool(extraArgs: string[] = []): Promise<ServerProcess> {
  return spawnServer(
    process.execPath,
    [cliPath, 'serve', '--port', '0', '--log-level', 'warn', ...extraArgs],
    /ready at (http:\/\/\S+)/,
  );
}

/** moto's server, when installed (`moto_server`), on a free port. */
export function spawnMoto(): Promise<ServerProcess> {
  return spawnServer('moto_server', ['-H', '127.0.0.1', '-p', '0'], /Running on (http:\/\/127\.0\.0\.1:\d+)/);
}

/** Resident set size of a process, in MiB (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 'NaN');
  return kib / 1024;
}
