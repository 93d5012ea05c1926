import { builtCli } from '../support/child-processes.js';
import { serve, type ServeProcess } from '../support/processes.js';

/**
 * `idpool serve` in its own process, for tests whose attack could freeze the event loop: the test keeps its own
 * clock and can kill a frozen server. SIGKILL afterwards whatever happened.
 */
export async function serveIsolated(args: string[] = []): Promise<ServeProcess & { kill(): void }> {
  builtCli();
  const server = await serve(args);
  return { ...server, kill: () => void (server.child.exitCode === null && server.child.kill('SIGKILL')) };
}

/** One GET of `/_idpool/health`: how long it took (ms), or Infinity when no answer came within `timeoutMs`. */
async function healthLatency(url: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/_idpool/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.ok ? performance.now() - started : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Polls `/_idpool/health` back to back while `work` runs (and at least `minMs`), as another client would, and
 * answers the slowest answer's latency in ms (Infinity if one never came) with `work`'s outcome.
 */
export async function healthWhile<T>(
  url: string,
  work: Promise<T>,
  options: { minMs?: number; timeoutMs?: number } = {},
): Promise<{ maxMs: number; polls: number; result: PromiseSettledResult<T> }> {
  const started = performance.now();
  let done = false;
  const settled = Promise.allSettled([work]).then(([outcome]) => {
    done = true;
    return outcome as PromiseSettledResult<T>;
  });
  let maxMs = 0;
  let polls = 0;
  while (!done || performance.now() - started < (options.minMs ?? 0)) {
    const latency = await healthLatency(url, options.timeoutMs ?? 5000);
    maxMs = Math.max(maxMs, latency);
    polls++;
    if (latency === Number.POSITIVE_INFINITY) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { maxMs, polls, result: await settled };
}
