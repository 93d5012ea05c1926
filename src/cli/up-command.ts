import { DescribeIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import { GetRestApiCommand } from '@aws-sdk/client-api-gateway';
import type { Command } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AwsClients, StackDescription } from '../../contracts/types.js';
import { startEmulator } from '../../emulator/index.js';
import { newRunId } from '../stack/names.js';
import { accountOf, provisionOnTarget } from '../stack/provision.js';
import { apiBaseUrl } from '../targets/addressing.js';
import { clientsFor, destroyClients } from '../targets/clients.js';
import type { ExecuteApiUrlStyle, TargetSession } from '../targets/target.js';
import { addEmulatorOptions, emulatorOptionsFrom, parseRootCredentials, stopOnSignals, type EmulatorCliOptions } from './emulator-options.js';
import { UsageError } from './exit-codes.js';

interface UpOptions extends EmulatorCliOptions {
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

/** Under --data-dir, the stack `up` provisioned, so that a restart serves the same pool and API instead of a new one. */
const savedStackFile = 'up-stack.json';

async function savedStack(dataDir: string | undefined, clients: AwsClients): Promise<Partial<StackDescription> | undefined> {
  if (!dataDir || !existsSync(join(dataDir, savedStackFile))) return undefined;
  const stack = JSON.parse(readFileSync(join(dataDir, savedStackFile), 'utf8')) as Partial<StackDescription>;
  const stillThere = await Promise.all([
    clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: stack.identityPoolId })),
    clients.apiGateway.send(new GetRestApiCommand({ restApiId: stack.restApiId })),
  ]).then(
    () => true,
    () => false,
  );
  return stillThere ? stack : undefined;
}

export function registerUpCommand(program: Command): void {
  const command = program
    .command('up')
    .description('serve the emulator, provision the seed stack on it (kept across restarts with --data-dir), print what an app needs, and keep running');
  addEmulatorOptions(command, 'warn')
    .option('--execute-api-url-style <style>', 'host or path: how the printed API URL addresses the stage', 'host')
    .action(async (options: UpOptions) => {
      if (options.executeApiUrlStyle !== 'host' && options.executeApiUrlStyle !== 'path') throw new UsageError(`--execute-api-url-style takes host or path, got '${options.executeApiUrlStyle}'`);
      const emulator = await startEmulator(emulatorOptionsFrom(options));
      stopOnSignals(emulator);
      const credentials = parseRootCredentials(options.rootCredentials);
      const session: Pick<TargetSession, 'endpoint' | 'region' | 'credentials' | 'executeApiUrlStyle' | 'eventuallyConsistent'> = {
        endpoint: emulator.url,
        region: emulator.region,
        credentials,
        executeApiUrlStyle: options.executeApiUrlStyle as ExecuteApiUrlStyle,
        eventuallyConsistent: false,
      };
      const clients = clientsFor(session);
      let stack = await savedStack(options.dataDir, clients);
      let failures: string[] = [];
      if (stack) {
        process.stderr.write(`idpool: serving the stack kept in ${join(options.dataDir as string, savedStackFile)}\n`);
      } else {
        const provisioner = await provisionOnTarget(session, clients, { runId: newRunId(), accountId: await accountOf(clients, emulator.accountId) });
        ({ stack, failures } = provisioner);
        for (const failure of failures) process.stderr.write(`idpool: provisioning: ${failure}\n`);
        if (options.dataDir && failures.length === 0) writeFileSync(join(options.dataDir, savedStackFile), `${JSON.stringify(stack, null, 2)}\n`);
      }
      destroyClients(clients);
      const settings: Partial<AppSettings> = {
        endpoint: emulator.url,
        region: emulator.region,
        identityPoolId: stack.identityPoolId,
        developerProviderName: stack.developerProviderName,
        // From the API id: a restart may listen on another port.
        apiUrl: stack.restApiId && stack.stage ? apiBaseUrl(session, stack.restApiId, stack.stage) : undefined,
        authenticatedRoleArn: stack.authenticatedRoleArn,
        // A fresh object: the SDK marks the credentials object its clients were given with internal fields.
        credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
      };
      process.stdout.write(`idpool ready at ${emulator.url} with the seed stack${failures.length ? ' (incomplete, see above)' : ''}:\n${JSON.stringify(settings, null, 2)}\n`);
    });
}
