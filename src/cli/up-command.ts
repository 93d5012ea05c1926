import { DescribeIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import { GetResourcesCommand, GetRestApiCommand } from '@aws-sdk/client-api-gateway';
import type { Command } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AwsClients, StackDescription } from '../../contracts/types.js';
import { startEmulator } from '../../emulator/index.js';
import { newRunId } from '../stack/names.js';
import { accountOf, provisionOnTarget } from '../stack/provision.js';
import { apiBaseUrl } from '../targets/addressing.js';
import { clientsFor, destroyClients } from '../targets/clients.js';
import type { ExecuteApiUrlStyle, TargetSession } from '../targets/target.js';
import {
  consoleUrl,
  addEmulatorOptions,
  emulatorOptionsFrom,
  parseRootCredentials,
  stopOnSignals,
  type EmulatorCliOptions,
} from './emulator-options.js';
import { UsageError } from './exit-codes.js';

interface UpOptions extends EmulatorCliOptions {
  executeApiUrlStyle: string;
  poolName?: string;
  developerProviderName?: string;
  settingsFile: string | false;
}

/** What an app needs to talk to the stack, printed by `idpool up` and written to its settings file. */
export interface AppSettings {
  endpoint: string;
  region: string;
  identityPoolId: string;
  developerProviderName: string;
  /** The stage's base URL in the chosen style (path by default: it works from any HTTP client). */
  apiUrl: string;
  /** Both forms: `path` works from any client; `host` (`<api-id>.execute-api.localhost`) where *.localhost resolves. */
  apiUrls: { path: string; host: string };
  /** `METHOD URL: authorization, integration` for each method of the API. */
  routes: string[];
  authenticatedRoleArn: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Under --data-dir, the stack `up` provisioned, so that a restart serves the same pool and API instead of a new
 * one.
 */
const savedStackFile = 'up-stack.json';

type SavedStack = { stack: Partial<StackDescription> } | { gone: string } | undefined;

async function savedStack(dataDir: string | undefined, clients: AwsClients): Promise<SavedStack> {
  if (!dataDir || !existsSync(join(dataDir, savedStackFile))) return undefined;
  const stack = JSON.parse(readFileSync(join(dataDir, savedStackFile), 'utf8')) as Partial<StackDescription>;
  const found = (sent: Promise<unknown>) =>
    sent.then(
      () => true,
      () => false,
    );
  const [pool, api] = await Promise.all([
    found(clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: stack.identityPoolId }))),
    found(clients.apiGateway.send(new GetRestApiCommand({ restApiId: stack.restApiId }))),
  ]);
  const missing = [...(pool ? [] : [`pool ${stack.identityPoolId}`]), ...(api ? [] : [`API ${stack.restApiId}`])];
  return missing.length === 0 ? { stack } : { gone: missing.join(' and ') };
}

/** Each method of the API as `GET <url>: AWS_IAM, AWS_PROXY`, read back from API Gateway. */
async function routesOf(clients: AwsClients, restApiId: string, baseUrl: string): Promise<string[]> {
  const resources = await clients.apiGateway.send(
    new GetResourcesCommand({ restApiId, embed: ['methods'], limit: 500 }),
  );
  const routes: string[] = [];
  for (const resource of resources.items ?? []) {
    for (const [method, detail] of Object.entries(resource.resourceMethods ?? {})) {
      routes.push(
        `${method} ${baseUrl}${resource.path}: ${detail.authorizationType ?? 'NONE'}, ` +
          (detail.methodIntegration?.type ?? 'no integration'),
      );
    }
  }
  return routes.sort();
}

function withPlainCredentials(settings: AppSettings): AppSettings {
  // A fresh object: the SDK marks the credentials object its clients were given with internal fields.
  return {
    ...settings,
    credentials: {
      accessKeyId: settings.credentials.accessKeyId,
      secretAccessKey: settings.credentials.secretAccessKey,
    },
  };
}

export function registerUpCommand(program: Command): void {
  const command = program
    .command('up')
    .description(
      'serve the emulator, provision the seed stack on it (kept across restarts with --data-dir), ' +
        'print what an app needs, and keep running',
    );
  addEmulatorOptions(command, 'warn')
    .option(
      '--execute-api-url-style <style>',
      'path or host: which form the printed apiUrl takes (apiUrls has both)',
      'path',
    )
    .option('--pool-name <name>', "the identity pool's name (default idpool-<run id>)")
    .option(
      '--developer-provider-name <name>',
      "the pool's developer provider name, the key of the backend's Logins map (default login.idpool.<run id>)",
    )
    .option('--settings-file <file>', 'also write the printed settings (JSON) to this file', 'idpool-up.json')
    .option('--no-settings-file', 'do not write the settings file')
    .action(async (options: UpOptions) => {
      if (options.executeApiUrlStyle !== 'host' && options.executeApiUrlStyle !== 'path')
        throw new UsageError(`--execute-api-url-style takes host or path, got '${options.executeApiUrlStyle}'`);
      const emulator = await startEmulator(emulatorOptionsFrom(options));
      stopOnSignals(emulator);
      const credentials = parseRootCredentials(options.rootCredentials);
      const session: Pick<
        TargetSession,
        'endpoint' | 'region' | 'credentials' | 'executeApiUrlStyle' | 'eventuallyConsistent'
      > = {
        endpoint: emulator.url,
        region: emulator.region,
        credentials,
        executeApiUrlStyle: options.executeApiUrlStyle as ExecuteApiUrlStyle,
        eventuallyConsistent: false,
      };
      const clients = clientsFor(session);
      const saved = await savedStack(options.dataDir, clients);
      const savedPath = options.dataDir ? join(options.dataDir, savedStackFile) : '';
      let stack: Partial<StackDescription>;
      let failures: string[] = [];
      if (saved && 'stack' in saved) {
        stack = saved.stack;
        process.stderr.write(`idpool: serving the stack kept in ${savedPath}\n`);
        const asked = {
          '--pool-name': [options.poolName, stack.identityPoolName],
          '--developer-provider-name': [options.developerProviderName, stack.developerProviderName],
        };
        for (const [option, [wanted, kept]] of Object.entries(asked)) {
          if (wanted !== undefined && wanted !== kept)
            process.stderr.write(
              `idpool: ${option} ${wanted} ignored: the kept stack has ${kept} (remove ${savedPath} for a new stack)\n`,
            );
        }
      } else {
        if (saved) {
          process.stderr.write(
            `idpool: the stack kept in ${savedPath} is no longer in the state ` +
              `(${saved.gone} not found: reset with POST /_idpool/reset?); ` +
              'provisioning a new one, with new ids (printed below)\n',
          );
        }
        const names = {
          ...(options.poolName ? { identityPool: options.poolName } : {}),
          ...(options.developerProviderName ? { developerProvider: options.developerProviderName } : {}),
        };
        const provisioner = await provisionOnTarget(session, clients, {
          runId: newRunId(),
          accountId: await accountOf(clients, emulator.accountId),
          names,
        });
        ({ stack, failures } = provisioner);
        for (const failure of failures) process.stderr.write(`idpool: provisioning: ${failure}\n`);
        for (const skipped of provisioner.skipped) process.stderr.write(`idpool: provisioning skipped ${skipped}\n`);
        if (options.dataDir && failures.length === 0) writeFileSync(savedPath, `${JSON.stringify(stack, null, 2)}\n`);
      }
      // From the API id: a restart may listen on another port.
      const url = (style: ExecuteApiUrlStyle) =>
        stack.restApiId && stack.stage
          ? apiBaseUrl({ ...session, executeApiUrlStyle: style }, stack.restApiId, stack.stage)
          : '';
      const apiUrl = url(session.executeApiUrlStyle);
      const settings = withPlainCredentials({
        endpoint: emulator.url,
        region: emulator.region,
        identityPoolId: stack.identityPoolId ?? '',
        developerProviderName: stack.developerProviderName ?? '',
        apiUrl,
        apiUrls: { path: url('path'), host: url('host') },
        routes: stack.restApiId
          ? await routesOf(clients, stack.restApiId, apiUrl).catch((error: unknown) => [
              `(could not list: ${String(error)})`,
            ])
          : [],
        authenticatedRoleArn: stack.authenticatedRoleArn ?? '',
        credentials,
      });
      destroyClients(clients);
      const text = `${JSON.stringify(settings, null, 2)}\n`;
      const incomplete = failures.length ? ' (incomplete, see above)' : '';
      if (options.settingsFile !== false) writeFileSync(options.settingsFile, text, { mode: 0o600 });
      process.stdout.write(`idpool ready at ${emulator.url} with the seed stack${incomplete}:\n${text}`);
      if (options.settingsFile !== false) process.stdout.write(`(also in ${resolve(options.settingsFile)})\n`);
      if (options.admin) process.stdout.write(`console: ${consoleUrl(emulator.url)}\n`);
    });
}
