import type { Command } from 'commander';
import type { EmulatorOptions, LogLevel } from '../../emulator/config.js';
import type { RunningEmulator } from '../../emulator/index.js';

/** The emulator's command-line options, shared by `serve` and `up`. */
export interface EmulatorCliOptions {
  port: string;
  host: string;
  region: string;
  accountId: string;
  strictAuth?: boolean;
  rootCredentials: string;
  dataDir?: string;
  admin: boolean;
  corsAllowedOrigins?: string;
  allowedHosts?: string;
  logLevel: LogLevel;
  lambdaConcurrency: string;
  lambdaWorkers?: string;
  requestLogSize: string;
}

export function parseRootCredentials(value: string): { accessKeyId: string; secretAccessKey: string } {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1)
    throw new Error(`--root-credentials takes AKID:SECRET, got '${value.replace(/:.*/, ':…')}'`);
  return { accessKeyId: value.slice(0, colon), secretAccessKey: value.slice(colon + 1) };
}

export function addEmulatorOptions(command: Command, defaultLogLevel: LogLevel): Command {
  return command
    .option('--port <port>', 'TCP port (0 picks a free one)', '4566')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--region <region>', 'default region', 'us-east-1')
    .option('--account-id <id>', 'the account id', '000000000000')
    .option('--strict-auth', 'accept only known keys and verify every signature')
    .option('--root-credentials <AKID:SECRET>', 'the root keys known to --strict-auth', 'test:test')
    .option('--data-dir <dir>', 'keep all state in SQLite under this folder')
    .option('--no-admin', 'do not serve the /_idpool/* admin routes')
    .option('--cors-allowed-origins <origins>', 'web origins allowed besides localhost ones, comma-separated (* any)')
    .option('--allowed-hosts <names>', 'Host names answered besides loopback and execute-api ones, comma-separated')
    .option('--log-level <level>', 'error | warn | info | debug (debug logs every request)', defaultLogLevel)
    .option(
      '--lambda-concurrency <n>',
      'concurrent executions per Lambda function before TooManyRequestsException',
      '1000',
    )
    .option(
      '--lambda-workers <n>',
      'worker processes per Lambda function (default: one per core, 2 to 8); more executions wait for a free one',
    )
    .option('--request-log-size <n>', 'how many of the last requests GET /_idpool/requests keeps', '10000');
}

export function emulatorOptionsFrom(options: EmulatorCliOptions): EmulatorOptions {
  return {
    port: Number(options.port),
    host: options.host,
    region: options.region,
    accountId: options.accountId,
    strictAuth: options.strictAuth ?? false,
    rootCredentials: parseRootCredentials(options.rootCredentials),
    dataDir: options.dataDir,
    adminRoutes: options.admin,
    corsAllowedOrigins: commaList(options.corsAllowedOrigins),
    allowedHosts: commaList(options.allowedHosts),
    logLevel: options.logLevel,
    lambdaConcurrency: Number(options.lambdaConcurrency),
    lambdaWorkers: options.lambdaWorkers === undefined ? undefined : Number(options.lambdaWorkers),
    requestLogSize: Number(options.requestLogSize),
  };
}

function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Ctrl-C / SIGTERM: let requests in flight finish, close the state, exit 0 (1 if stopping failed). */
export function stopOnSignals(emulator: RunningEmulator): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`idpool: ${signal}, stopping\n`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`idpool: stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  stopWithNpmExec(stop);
}

/**
 * `npx idpool serve` runs idpool under `sh -c`: npm passes its SIGTERM to that shell, which dies without passing it
 * on, and idpool would be left running alone. Under npm exec, a parent that goes away counts as SIGTERM.
 */
function stopWithNpmExec(stop: (signal: string) => void): void {
  if (process.env.npm_command !== 'exec') return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('npm exec stopped');
  }, 250).unref();
}

/** Where the emulator serves its console (absent with --no-admin). */
export function consoleUrl(emulatorUrl: string): string {
  return `${emulatorUrl}/_idpool/console`;
}
