import { environmentCredentials } from './addressing.js';
import { idpoolClock, isIdpoolEmulator, realClock } from './clock-control.js';
import { TargetUnavailable, type ExecuteApiUrlStyle, type Target } from './target.js';

export interface EndpointTargetOptions {
  /** The column name in reports (`endpoint` unless given). */
  name?: string;
  endpoint: string;
  region: string;
  executeApiUrlStyle: Exclude<ExecuteApiUrlStyle, 'aws'>;
  env?: NodeJS.ProcessEnv;
}

/**
 * Any running AWS-compatible endpoint: `idpool serve`, LocalStack, moto, … Credentials come from the usual AWS
 * variables (test/test by default). An idpool endpoint's clock is moved through its admin route.
 */
export function endpointTarget(options: EndpointTargetOptions): Target {
  const name = options.name ?? 'endpoint';
  const endpoint = options.endpoint.replace(/\/+$/, '');
  return {
    name,
    kind: 'endpoint',
    start: async () => {
      try {
        await fetch(endpoint, { signal: AbortSignal.timeout(5000) });
      } catch (error) {
        const cause =
          (error as { cause?: { code?: string } }).cause?.code ??
          (error instanceof Error ? error.message : String(error));
        throw new TargetUnavailable(
          `nothing answers at ${endpoint} (${cause})`,
          'Start the emulator there (idpool serve, docker compose up, moto_server …) or pass the right --endpoint.',
        );
      }
      const idpool = await isIdpoolEmulator(endpoint);
      const credentials = environmentCredentials(options.env);
      return {
        name,
        kind: 'endpoint',
        description: `${idpool ? 'idpool emulator' : 'AWS-compatible endpoint'} at ${endpoint}`,
        region: options.region,
        endpoint,
        credentials,
        executeApiUrlStyle: options.executeApiUrlStyle,
        clock: idpool ? await idpoolClock(endpoint, credentials) : realClock,
        eventuallyConsistent: false,
        stop: () => Promise.resolve(),
      };
    },
  };
}
