import type { Command } from 'commander';
import { openDataDir } from '../../emulator/index.js';

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
      if (!Number.isSafeInteger(count) || count < 1) {
        throw new Error(`--count must be a positive whole number, got '${options.count}'`);
      }
      const state = openDataDir(options.dataDir, { region: options.region, accountId: options.accountId });
      try {
        const started = performance.now();
        const seeded = await state.seedIdentities({
          userIds: developerUsers(options.userPrefix, count),
          poolId: options.poolId || undefined,
          newPool: { name: options.poolName, developerProviderName: options.developerProvider },
        });
        const seconds = (performance.now() - started) / 1000;
        const users = `${count} developer users ${options.userPrefix}0…${options.userPrefix}${count - 1}`;
        process.stdout.write(
          `seeded ${seeded.created} new identities (${users}, provider ${seeded.developerProviderName}) ` +
            `in pool ${seeded.poolId} in ${seconds.toFixed(1)} s\n`,
        );
      } finally {
        await state.close();
      }
    });
}
