import type { Command } from 'commander';
import { startEmulator } from '../../emulator/index.js';
import { newRunId } from '../stack/names.js';
import { accountOf, provisionOnTarget } from '../stack/provision.js';
import { clientsFor, destroyClients } from '../targets/clients.js';
import type { ExecuteApiUrlStyle } from '../targets/target.js';
import { UsageError } from './exit-codes.js';

interface UpOptions {
  port: string;
  host: string;
  region: string;
  executeApiUrlStyle: string;
}

/** What an app needs to talk to the stack, printed by `idpool up` (also usable as a `--stack` file shape). */
export interface AppSettings {
  endpoint: string;
  region: string;
  identityPoolId: string;
  developerProviderName: string;
  apiUrl: string;
  authenticatedRoleArn: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description('serve the emulator, provision the seed stack on it, print what an app needs, and keep running (offline development)')
    .option('--port <port>', 'TCP port (0 picks a free one)', '4566')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--region <region>', 'region', 'us-east-1')
    .option('--execute-api-url-style <style>', 'host or path: how the printed API URL addresses the stage', 'host')
    .action(async (options: UpOptions) => {
      if (options.executeApiUrlStyle !== 'host' && options.executeApiUrlStyle !== 'path') throw new UsageError(`--execute-api-url-style takes host or path, got '${options.executeApiUrlStyle}'`);
      const emulator = await startEmulator({ port: Number(options.port), host: options.host, region: options.region, logLevel: 'warn' });
      const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
      const session = { endpoint: emulator.url, region: emulator.region, credentials, executeApiUrlStyle: options.executeApiUrlStyle as ExecuteApiUrlStyle };
      const clients = clientsFor(session);
      const runId = newRunId();
      const provisioner = await provisionOnTarget({ ...session, eventuallyConsistent: false }, clients, { runId, accountId: await accountOf(clients, emulator.accountId) });
      destroyClients(clients);
      const { stack } = provisioner;
      for (const failure of provisioner.failures) process.stderr.write(`idpool: provisioning: ${failure}\n`);
      const settings: Partial<AppSettings> = {
        endpoint: emulator.url,
        region: emulator.region,
        identityPoolId: stack.identityPoolId,
        developerProviderName: stack.developerProviderName,
        apiUrl: stack.apiUrl,
        authenticatedRoleArn: stack.authenticatedRoleArn,
        // A fresh object: the SDK marks the credentials object its clients were given with internal fields.
        credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
      };
      process.stdout.write(`idpool ready at ${emulator.url} with the seed stack${provisioner.failures.length ? ' (incomplete, see above)' : ''}:\n${JSON.stringify(settings, null, 2)}\n`);
      const stop = (signal: string): void => {
        process.stderr.write(`idpool: ${signal}, stopping\n`);
        emulator.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
