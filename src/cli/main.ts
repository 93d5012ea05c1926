#!/usr/bin/env node
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { packageRoot } from '../../emulator/package-root.js';
import { registerServeCommand } from './serve-command.js';
import { registerStateCommand } from './state-command.js';

const { version } = JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')) as { version: string };

const program = new Command('idpool')
  .description('Local emulator and contract tests for Cognito Identity Pools with developer-authenticated identities')
  .version(version);
registerServeCommand(program);
registerStateCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`idpool: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
