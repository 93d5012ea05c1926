import { Clock } from './clock.js';
import { resolveConfig } from './config.js';
import { Logger } from './logger.js';
import { EmulatorRuntime } from './runtime.js';
import { createIdentityPool } from './services/cognito-identity/create-identity-pool.js';
import type { CallContext } from './services/service-definition.js';
import type { ExportedState } from './store/exported-state.js';
import { exportState, importState } from './store/state-transfer.js';

export type { ExportedState } from './store/exported-state.js';

export interface SeedIdentitiesRequest {
  /** The developer user ids to link, each to a new identity unless it is linked already. */
  userIds: Iterable<string>;
  /** A pool of the data dir; without it a new pool is created, as CreateIdentityPool would. */
  poolId?: string;
  /** The new pool's name and developer provider, when no `poolId` is given. */
  newPool?: { name: string; developerProviderName: string };
}

export interface SeededIdentities {
  poolId: string;
  developerProviderName: string;
  /** How many identities were created (user ids already linked count none). */
  created: number;
}

/** The state of an emulator that is not running, opened from its data dir. */
export interface OfflineState {
  /** Links many developer user ids to identities of one pool, in bulk (a million in seconds). */
  seedIdentities(request: SeedIdentitiesRequest): Promise<SeededIdentities>;
  /** The whole state as portable JSON; signing keys and issued credentials only with `includeSecrets`. */
  exportState(options?: { includeSecrets?: boolean }): ExportedState;
  /** Replaces the state with an export's, all or nothing. */
  importState(state: unknown): { tables: number; rows: number };
  close(): Promise<void>;
}

/**
 * Opens the state kept in a data dir (created if absent) without serving it: what `idpool seed` and `idpool state`
 * do to an emulator that is not running. `region` and `accountId` are those of pools it creates.
 */
export function openDataDir(dataDir: string, options: { region?: string; accountId?: string } = {}): OfflineState {
  const config = resolveConfig({ dataDir, region: options.region, accountId: options.accountId });
  const runtime = new EmulatorRuntime(config, new Clock(), new Logger('warn'));
  const context = (): CallContext => ({
    requestId: 'offline',
    now: runtime.clock.now(),
    sourceIp: '127.0.0.1',
    userAgent: 'idpool offline',
    region: config.region,
    accountId: config.accountId,
    caller: undefined,
  });
  return {
    async seedIdentities(request) {
      let poolId = request.poolId;
      if (poolId === undefined) {
        const settings = request.newPool;
        if (!settings) throw new Error('seedIdentities needs the poolId of an existing pool, or a newPool to create');
        const input = {
          IdentityPoolName: settings.name,
          AllowUnauthenticatedIdentities: false,
          DeveloperProviderName: settings.developerProviderName,
        };
        const created = await createIdentityPool.build({ cognito: runtime.cognito })(input, context());
        poolId = created.IdentityPoolId as string;
      }
      const pool = runtime.cognito.pools.find(poolId);
      if (!pool) throw new Error(`no identity pool ${poolId} in ${dataDir}`);
      const provider = pool.developerProviderName;
      if (!provider) throw new Error(`identity pool ${poolId} has no developer provider`);
      const created = runtime.cognito.identities.bulkLink(
        pool.seq,
        provider,
        request.userIds,
        pool.region,
        runtime.clock.nowMs(),
      );
      return { poolId, developerProviderName: provider, created };
    },
    exportState: (exportOptions = {}) =>
      exportState(runtime.db, { includeSecrets: exportOptions.includeSecrets ?? false, now: runtime.clock.now() }),
    importState: (state) => importState(runtime.db, state),
    close: () => runtime.close(),
  };
}
