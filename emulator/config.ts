import { availableParallelism } from 'node:os';
/** What `idpool serve` and `startEmulator()` accept. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default for startEmulator) picks a free one. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  region?: string;
  accountId?: string;
  /** Only known keys (the root keys and issued temporary credentials) are accepted, and every signature is verified. */
  strictAuth?: boolean;
  /** The account's root keys; `test`/`test` unless given. */
  rootCredentials?: { accessKeyId: string; secretAccessKey: string };
  /** Keep all state in SQLite under this folder; in memory when absent. */
  dataDir?: string;
  /** Serve the `/_idpool/*` admin routes (health, reset, clock). */
  adminRoutes?: boolean;
  /**
   * Web origins (`https://app.example.com:8443`, or `*` for any) allowed besides the local development ones
   * (`http(s)://localhost`, `127.0.0.1`, `[::1]`, `*.localhost`, any port). Requests from other origins are refused.
   */
  corsAllowedOrigins?: string[];
  /**
   * Host names (`idpool`, `*.dev.internal`, or `*` for any) answered besides the loopback ones, `*.localhost` and
   * `<api-id>.execute-api.*` (DNS rebinding protection; checked while listening on loopback, or whenever given).
   */
  allowedHosts?: string[];
  /** Bodies larger than this are refused without being read whole. */
  maxBodyBytes?: number;
  /** `error` | `warn` | `info` | `debug`; requests are logged at `debug`. */
  logLevel?: LogLevel;
  /** Where log lines go (stderr unless given). */
  logSink?: (line: string) => void;
  /**
   * Concurrent executions per Lambda function before TooManyRequestsException (1000, Lambda's default account
   * quota, unless given); a function's reserved concurrency replaces it.
   */
  lambdaConcurrency?: number;
  /**
   * Worker processes per function (one per core, from 2 to 8, unless given). Executions beyond it wait for a worker
   * to be free instead of starting more processes than the machine has cores for; they still count towards the
   * concurrency limit.
   */
  lambdaWorkers?: number;
  /** How many of the last requests `GET /_idpool/requests` keeps (10,000 unless given). */
  requestLogSize?: number;
  /**
   * How long a new or updated Lambda function stays Pending (LastUpdateStatus InProgress) before it is Active
   * (Successful), as on AWS, so that clients must wait as they do there (100 ms unless given; 0 shows the state only
   * in the answer of the call that started it).
   */
  lambdaStateTransitionMs?: number;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface EmulatorConfig {
  port: number;
  host: string;
  region: string;
  accountId: string;
  strictAuth: boolean;
  rootCredentials: { accessKeyId: string; secretAccessKey: string };
  dataDir: string | undefined;
  adminRoutes: boolean;
  corsAllowedOrigins: string[];
  allowedHosts: string[];
  maxBodyBytes: number;
  logLevel: LogLevel;
  lambdaConcurrency: number;
  lambdaWorkers: number;
  requestLogSize: number;
  lambdaStateTransitionMs: number;
}

const defaultRegion = 'us-east-1';
const defaultAccountId = '000000000000';
/** Lambda's direct upload limit is 50 MB zipped, about 67 MB once base64-encoded in the JSON body. */
const defaultMaxBodyBytes = 70 * 1024 * 1024;
/** Lambda's default concurrent executions quota per account and region. */
const defaultLambdaConcurrency = 1000;
/**
 * One worker per core, at least 2 and at most 8: processes beyond the cores only take turns on them (measured on 2
 * cores, the seed flow at 16 clients: 8 workers ~1,100 flows/s, 2 workers ~1,450, half the workers' CPU per flow).
 */
const defaultLambdaWorkers = Math.min(8, Math.max(2, availableParallelism()));
const defaultRequestLogSize = 10_000;
const defaultLambdaStateTransitionMs = 100;

export function resolveConfig(options: EmulatorOptions): EmulatorConfig {
  const accountId = options.accountId ?? defaultAccountId;
  if (!/^\d{12}$/.test(accountId)) throw new Error(`account id must be 12 digits, got '${accountId}'`);
  const region = options.region ?? defaultRegion;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new Error(`'${region}' is not a region name (like us-east-1)`);
  const lambdaConcurrency = positiveInteger('lambdaConcurrency', options.lambdaConcurrency ?? defaultLambdaConcurrency);
  const lambdaWorkers = positiveInteger('lambdaWorkers', options.lambdaWorkers ?? defaultLambdaWorkers);
  const requestLogSize = positiveInteger('requestLogSize', options.requestLogSize ?? defaultRequestLogSize);
  const lambdaStateTransitionMs = options.lambdaStateTransitionMs ?? defaultLambdaStateTransitionMs;
  if (!Number.isInteger(lambdaStateTransitionMs) || lambdaStateTransitionMs < 0) {
    throw new Error(`lambdaStateTransitionMs must be a non-negative integer, got ${lambdaStateTransitionMs}`);
  }
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    region,
    accountId,
    strictAuth: options.strictAuth ?? false,
    rootCredentials: options.rootCredentials ?? { accessKeyId: 'test', secretAccessKey: 'test' },
    dataDir: options.dataDir,
    adminRoutes: options.adminRoutes ?? true,
    corsAllowedOrigins: (options.corsAllowedOrigins ?? []).map(normalizeOrigin),
    allowedHosts: (options.allowedHosts ?? []).map(normalizeHostName),
    maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
    logLevel: options.logLevel ?? 'info',
    lambdaConcurrency,
    lambdaWorkers,
    requestLogSize,
    lambdaStateTransitionMs,
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** `scheme://host[:port]` in lower case without a trailing slash, or `*`. */
function normalizeOrigin(value: string): string {
  const origin = value.trim().toLowerCase().replace(/\/+$/, '');
  if (origin === '*') return origin;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`--cors-allowed-origins takes origins like https://app.example.com:8443 (or *), got '${value}'`);
  }
  if (url.origin === 'null' || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new Error(`--cors-allowed-origins takes origins like https://app.example.com:8443 (or *), got '${value}'`);
  }
  return url.origin;
}

function normalizeHostName(value: string): string {
  const host = value.trim().toLowerCase().replace(/\.$/, '');
  if (host === '*' || /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host)) return host;
  throw new Error(`--allowed-hosts takes names like idpool or *.dev.internal (or *), without a port, got '${value}'`);
}
