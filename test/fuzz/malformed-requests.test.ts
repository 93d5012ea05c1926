import fc from 'fast-check';
import { request as httpRequest, Agent } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { loadedServices } from '../../emulator/services/index.js';
import { memberMutations, mutate, plausibleValue, Random } from './model-values.js';
import { type Answer, readAnswer } from '../support/raw-http.js';
import { breakRequest, protocolMutations, sign, wireRequest, type WireRequest } from './wire-requests.js';

const seed = Number(process.env.IDPOOL_FUZZ_SEED ?? 20261126);
const runs = Number(process.env.IDPOOL_FUZZ_RUNS ?? 1200);
const bodyLimit = 256 * 1024;

function send(agent: Agent, base: URL, request: WireRequest, host?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, ...(host ? { host } : {}) };
    const outgoing = httpRequest(
      { host: base.hostname, port: base.port, method: request.method, path: request.path, headers, agent },
      (response) => readAnswer(response).then(resolve, reject),
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/**
 * An error as AWS writes one: `{__type, message}`, `{message}`/`{Message}` with x-amzn-ErrorType, or an XML
 * ErrorResponse.
 */
function isAwsErrorShape(answer: Answer): boolean {
  if (answer.body.startsWith('<ErrorResponse'))
    return /<Code>[^<]+<\/Code>/.test(answer.body) && /<Message>/.test(answer.body);
  try {
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    const message = body.message ?? body.Message;
    if (typeof message !== 'string') return false;
    return typeof body.__type === 'string' || typeof answer.headers['x-amzn-errortype'] === 'string';
  } catch {
    return false;
  }
}

const emulated = (await loadedServices()).flatMap((service) =>
  Object.keys(service.operations).map((name) => ({
    service,
    operation: service.model.operations[name] as NonNullable<(typeof service.model.operations)[string]>,
  })),
);

describe('malformed requests across every emulated operation and protocol', () => {
  it(`answers ${runs} malformed requests with AWS error shapes, ` +
    'never a 5xx or a dropped connection, and keeps its memory', async () => {
    expect(emulated.length).toBeGreaterThan(0);
    const emulator = await startEmulator({ port: 0, logLevel: 'error', maxBodyBytes: bodyLimit });
    const base = new URL(emulator.url);
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const gc = (globalThis as { gc?: () => void }).gc;
    const heap = () => {
      gc?.();
      return process.memoryUsage().heapUsed;
    };
    let sent = 0;
    let baseline = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.nat(emulated.length - 1),
          fc.boolean(),
          fc.nat(),
          async (caseSeed, pick, protocolLevel, mutationPick) => {
            const random = new Random(caseSeed);
            const { service, operation } = emulated[pick] as (typeof emulated)[number];
            const valid = (operation.input ? plausibleValue(service.model, operation.input, random) : {}) as Record<
              string,
              unknown
            >;
            let request: WireRequest;
            let host: string | undefined;
            if (protocolLevel) {
              const mutation = protocolMutations[
                mutationPick % protocolMutations.length
              ] as (typeof protocolMutations)[number];
              request = breakRequest(
                sign(wireRequest(service, operation, valid), base.host, service, emulator.region),
                mutation,
                random,
                bodyLimit,
              );
              if (mutation === 'oddPath' && random.next() < 0.3) host = `a1b2c3d4e5.execute-api.localhost:${base.port}`;
            } else {
              const mutation = memberMutations[
                mutationPick % memberMutations.length
              ] as (typeof memberMutations)[number];
              request = sign(
                wireRequest(service, operation, mutate(service.model, operation.input, valid, mutation, random)),
                base.host,
                service,
                emulator.region,
              );
            }
            const answer = await send(agent, base, request, host);
            sent++;
            if (sent === 100) baseline = heap();
            const where =
              `${service.name}:${operation.name} ${request.method} ${request.path.slice(0, 120)} → ` +
              `${answer.status} ${answer.body.slice(0, 300)}`;
            expect(answer.status, where).toBeLessThan(500);
            if (answer.status >= 400) expect(isAwsErrorShape(answer), where).toBe(true);
          },
        ),
        { numRuns: runs, seed, endOnFailure: true },
      );
      expect(sent).toBeGreaterThanOrEqual(1000);
      const health = await fetch(`${emulator.url}/_idpool/health`);
      expect(health.status).toBe(200);
      if (gc) {
        const growthMiB = (heap() - baseline) / 2 ** 20;
        expect(growthMiB, `heap grew ${growthMiB.toFixed(1)} MiB`).toBeLessThan(24);
      }
    } finally {
      agent.destroy();
      await emulator.stop();
    }
  }, 120_000);
});
