import type { EmulatorOptions } from './config.js';
import { startEmulator as startServer } from './server.js';

export type { EmulatorOptions } from './config.js';
export {
  type ExportedState,
  type OfflineState,
  openDataDir,
  type SeededIdentities,
  type SeedIdentitiesRequest,
} from './offline.js';

/** A running emulator, as `startEmulator` answers it. */
export interface RunningEmulator {
  /** `http://<host>:<port>`, the endpoint every SDK client takes. */
  url: string;
  host: string;
  port: number;
  region: string;
  accountId: string;
  /** Stops accepting connections, lets requests in flight finish, then closes the state. */
  stop(): Promise<void>;
}

/** Starts an emulator serving every endpoint on one port; resolves once it accepts requests. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { url, host, port, region, accountId, stop } = await startServer(options);
  return { url, host, port, region, accountId, stop };
}
