import { Agent, request } from 'node:http';

export interface LoadRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  calls: number;
  failures: number;
  seconds: number;
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  firstFailure?: string;
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** One unit of work for client `client` (a single call, or a whole flow of several); resolves when done. */
  work: (client: number, iteration: number, send: Sender) => Promise<void>;
}

export interface SentResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type Sender = (request: LoadRequest) => Promise<SentResponse>;

/** Sends one request over a keep-alive agent and reads the whole answer. */
export function sender(agent: Agent): Sender {
  return (spec) =>
    new Promise((resolve, reject) => {
      const outgoing = request(spec.url, { method: spec.method, headers: spec.headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(spec.body);
    });
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

/**
 * A closed-loop load: `concurrency` clients, each doing one unit of work after another over keep-alive
 * connections, for `durationMs`. Latency is per unit of work.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency * 2 });
  const send = sender(agent);
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, client) => {
      for (let iteration = 0; performance.now() < deadline; iteration++) {
        const begin = performance.now();
        try {
          await options.work(client, iteration, send);
          latencies.push(performance.now() - begin);
        } catch (error) {
          failures++;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    calls: latencies.length,
    failures,
    seconds,
    callsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    firstFailure,
  };
}

/** Fails a unit of work whose answer is not the expected status. */
export function expectStatus(response: SentResponse, status: number, what: string): SentResponse {
  if (response.status !== status) throw new Error(`${what}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
  return response;
}
