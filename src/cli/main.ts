#!/usr/bin/env node
import { Command } from 'commander';
import { packageVersion } from '../package-root.js';
import { registerCleanupCommand } from './cleanup-command.js';
import { registerContractsCommand } from './contracts-command.js';
import { exitCodes } from './exit-codes.js';
import { registerFlowCommand } from './flow-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerSeedCommand } from './seed-command.js';
import { registerStateCommand } from './state-command.js';
import { registerUpCommand } from './up-command.js';

// The SDK warns on every run that Node 20 support ends in 2027; the README states the Node requirement instead.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command('idpool')
  .description('Local emulator and contract tests for Cognito Identity Pools with developer-authenticated identities')
  .version(packageVersion)
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : exitCodes.usage));
registerServeCommand(program);
registerStateCommand(program);
registerSeedCommand(program);
registerUpCommand(program);
registerFlowCommand(program);
registerContractsCommand(program);
registerCleanupCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`idpool: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCodes.usage);
});
