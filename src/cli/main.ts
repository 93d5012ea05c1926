#!/usr/bin/env node
import { Command } from 'commander';
import { packageVersion } from '../package-root.js';
import { exitCodes } from './exit-codes.js';

// The SDK warns on every run that Node 20 support ends in 2027; the README states the Node requirement instead.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

type Register = (program: Command) => void;

/**
 * Each command's module is loaded only when that command runs (or for the full help), so that `idpool serve` starts
 * without loading the SDK clients, the runner and testcontainers.
 */
const commands: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./serve-command.js')).registerServeCommand,
  state: async () => (await import('./state-command.js')).registerStateCommand,
  seed: async () => (await import('./seed-command.js')).registerSeedCommand,
  up: async () => (await import('./up-command.js')).registerUpCommand,
  flow: async () => (await import('./flow-command.js')).registerFlowCommand,
  contracts: async () => (await import('./contracts-command.js')).registerContractsCommand,
  cleanup: async () => (await import('./cleanup-command.js')).registerCleanupCommand,
  policy: async () => (await import('./policy-command.js')).registerPolicyCommand,
};

async function main(): Promise<void> {
  const program = new Command('idpool')
    .description('Local emulator and contract tests for Cognito Identity Pools with developer-authenticated identities')
    .version(packageVersion)
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : exitCodes.usage));
  const requested = process.argv[2];
  const wanted = requested !== undefined && Object.hasOwn(commands, requested) ? [requested] : Object.keys(commands);
  for (const name of wanted) (await (commands[name] as () => Promise<Register>)())(program);
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  process.stderr.write(`idpool: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCodes.usage);
});
