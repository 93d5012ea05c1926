import type { Command } from 'commander';
import { Clock } from '../../emulator/clock.js';
import { resolveConfig } from '../../emulator/config.js';
import { Logger } from '../../emulator/logger.js';
import { EmulatorRuntime } from '../../emulator/runtime.js';
import { createIdentityPool } from '../../emulator/services/cognito-identity/create-identity-pool.js';
import type { CallContext } from '../../emulator/services/service-definition.js';

interface SeedOptions {
  dataDir: string;
  count: string;
  poolId?: string;
  poolName: string;
  developerProvider: string;
  userPrefix: string;
  region: string;
  accountId: string;
}

function* developerUsers(prefix: string, count: number): Generator<string> {
  for (let index = 0; index < count; index++) yield `${prefix}${index}`;
}

/** `idpool seed identities`: fills a pool of a stopped emulator's data dir with developer identities, in bulk. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('fill a data dir with test state in bulk (the emulator must not be running on it)')
    .command('identities')
    .description('link COUNT developer users (<prefix>0 … <prefix>COUNT-1) to identities of one pool')
    .requiredOption('--data-dir <dir>', 'the data dir to fill')
    .requiredOption('--count <n>', 'how many developer users')
    .option('--pool-id <id>', 'an existing pool (else a new one is created)')
    .option('--pool-name <name>', 'the new pool name', 'seeded')
    .option('--developer-provider <name>', 'the new pool developer provider', 'test.login')
    .option('--user-prefix <prefix>', 'developer user ids are <prefix><n>', 'user-')
    .option('--region <region>', 'region of a new pool', 'us-east-1')
    .option('--account-id <id>', 'account of a new pool', '000000000000')
    .action(async (options: SeedOptions) => {
      const count = Number(options.count);
      if (!Number.isSafeInteger(count) || count < 1) throw new Error(`--count must be a positive whole number, got '${options.count}'`);
      const config = resolveConfig({ dataDir: options.dataDir, region: options.region, accountId: options.accountId });
      const runtime = new EmulatorRuntime(config, new Clock(), new Logger('warn'));
      try {
        let poolId = options.poolId;
        if (!poolId) {
          const context: CallContext = {
            requestId: 'seed',
            region: config.region,
            accountId: config.accountId,
            caller: undefined,
            now: runtime.clock.now(),
            sourceIp: '127.0.0.1',
            userAgent: 'idpool seed',
          };
          const input = { IdentityPoolName: options.poolName, AllowUnauthenticatedIdentities: false, DeveloperProviderName: options.developerProvider };
          const created = await createIdentityPool.build(runtime)(input, context);
          poolId = created.IdentityPoolId as string;
        }
        const pool = runtime.cognito.pools.find(poolId);
        if (!pool) throw new Error(`no identity pool ${poolId} in ${options.dataDir}`);
        if (!pool.developerProviderName) throw new Error(`identity pool ${poolId} has no developer provider`);
        const started = performance.now();
        const created = runtime.cognito.identities.bulkLink(pool.seq, pool.developerProviderName, developerUsers(options.userPrefix, count), pool.region, runtime.clock.nowMs());
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
          `seeded ${created} new identities (${count} developer users ${options.userPrefix}0…${options.userPrefix}${count - 1}, provider ${pool.developerProviderName}) ` +
            `in pool ${poolId} in ${seconds.toFixed(1)} s\n`,
        );
      } finally {
        await runtime.close();
      }
    });
}
