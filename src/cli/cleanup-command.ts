import type { Command } from 'commander';
import { findLeftovers, removeLeftovers } from '../cleanup/leftovers.js';
import { clientsFor, destroyClients } from '../targets/clients.js';
import { TargetUnavailable } from '../targets/target.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { addTargetOptions, targetsFrom, type TargetOptions } from './target-options.js';

interface CleanupOptions extends TargetOptions {
  run?: string;
  dryRun?: boolean;
}

export function registerCleanupCommand(program: Command): void {
  addTargetOptions(
    program
      .command('cleanup')
      .description(
        'remove what interrupted runs left behind: resources named idpool-… tagged idpool:run (one run with --run)',
      )
      .option('--run <id>', "only this run's resources")
      .option('--dry-run', 'list them without deleting'),
    { several: false, creates: false, kinds: 'endpoint | aws | <label>=<url> (an endpoint named <label>)' },
  ).action(async (options: CleanupOptions) => {
    const targets = targetsFrom({ ...options, yesCreateResources: true });
    if (targets.length !== 1) throw new UsageError('idpool cleanup works on one target');
    const target = targets[0] as (typeof targets)[number];
    if (target.kind === 'embedded' || target.kind === 'localstack')
      throw new UsageError(`${target.kind} starts empty every time; cleanup is for aws or an endpoint`);
    let session;
    try {
      session = await target.start();
    } catch (error) {
      process.stderr.write(`idpool: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = error instanceof TargetUnavailable ? exitCodes.targetUnavailable : exitCodes.failed;
      return;
    }
    const clients = clientsFor(session);
    try {
      const leftovers = await findLeftovers(clients, options.run);
      for (const leftover of leftovers)
        process.stdout.write(
          `${options.dryRun ? 'found' : 'removing'} ${leftover.kind} ${leftover.name} (${leftover.id}, ` +
            `run ${leftover.run})\n`,
        );
      if (leftovers.length === 0) process.stdout.write('nothing to clean up\n');
      if (options.dryRun || leftovers.length === 0) return;
      const failures = await removeLeftovers(clients, leftovers, session.eventuallyConsistent);
      for (const failure of failures) process.stderr.write(`idpool: could not remove ${failure}\n`);
      process.stdout.write(`removed ${leftovers.length - failures.length} of ${leftovers.length}\n`);
      process.exitCode = failures.length > 0 ? exitCodes.teardownIncomplete : exitCodes.passed;
    } finally {
      destroyClients(clients);
      await session.stop();
    }
  });
}
