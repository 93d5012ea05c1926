import type { Command } from 'commander';
import { startEmulator } from '../../emulator/index.js';
import {
  addEmulatorOptions,
  consoleUrl,
  emulatorOptionsFrom,
  stopOnSignals,
  type EmulatorCliOptions,
} from './emulator-options.js';

export function registerServeCommand(program: Command): void {
  addEmulatorOptions(
    program
      .command('serve')
      .description('start the emulator: Cognito Identity, STS, IAM, Lambda and API Gateway on one port'),
    'info',
  ).action(async (options: EmulatorCliOptions) => {
    const emulator = await startEmulator(emulatorOptionsFrom(options));
    process.stdout.write(
      `idpool ready at ${emulator.url} (region ${emulator.region}, account ${emulator.accountId})\n`,
    );
    if (options.admin) process.stdout.write(`console: ${consoleUrl(emulator.url)}\n`);
    stopOnSignals(emulator);
  });
}
