import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { openDataDir, type OfflineState } from '../../emulator/index.js';
import { signedFetch, type SignedRequestInit } from '../flow-client/signed-fetch.js';
import { environmentCredentials } from '../targets/addressing.js';

interface StateOptions {
  dataDir?: string;
  endpoint?: string;
  includeSecrets?: boolean;
}

function where(options: StateOptions): 'data-dir' | 'endpoint' {
  if (options.dataDir && !options.endpoint) return 'data-dir';
  if (options.endpoint && !options.dataDir) return 'endpoint';
  throw new Error(
    'name the state with exactly one of --data-dir DIR (an emulator that is not running) or --endpoint URL ' +
      '(a running one)',
  );
}

async function withOfflineState<T>(dataDir: string, work: (state: OfflineState) => T): Promise<T> {
  const state = openDataDir(dataDir);
  try {
    return work(state);
  } finally {
    await state.close();
  }
}

/** Signed with the AWS variables' keys (service `idpool`), as an emulator started with --strict-auth requires. */
async function adminCall(endpoint: string, path: string, init: SignedRequestInit = {}): Promise<unknown> {
  const { accessKeyId, secretAccessKey } = environmentCredentials();
  const url = new URL(`/_idpool/${path}`, endpoint);
  const signing = { region: 'us-east-1', service: 'idpool' };
  const response = await signedFetch(url, init, { accessKeyId, secretAccessKey }, signing);
  const body = (await response.json()) as { message?: string };
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status}: ${body.message ?? JSON.stringify(body)}`);
  return body;
}

export function registerStateCommand(program: Command): void {
  const state = program.command('state').description('move a whole emulator state between machines as JSON');
  state
    .command('export <file>')
    .description('write the state to FILE (no signing keys or issued credentials unless --include-secrets)')
    .option('--data-dir <dir>', 'the data dir of an emulator that is not running')
    .option('--endpoint <url>', 'a running emulator (its admin routes)')
    .option('--include-secrets', 'also export token signing keys and issued credentials')
    .action(async (file: string, options: StateOptions) => {
      const exported =
        where(options) === 'data-dir'
          ? await withOfflineState(options.dataDir as string, (offline) =>
              offline.exportState({ includeSecrets: options.includeSecrets }),
            )
          : await adminCall(options.endpoint as string, `state?secrets=${options.includeSecrets ? 'true' : 'false'}`);
      writeFileSync(file, `${JSON.stringify(exported)}\n`, { mode: 0o600 });
      const tables = (exported as { tables: Record<string, unknown[]> }).tables;
      const rows = Object.values(tables).reduce((sum, rows_) => sum + rows_.length, 0);
      process.stdout.write(
        `exported ${rows} rows of ${Object.keys(tables).length} tables to ` +
          `${file}${options.includeSecrets ? ' (with secrets)' : ''}\n`,
      );
    });
  state
    .command('import <file>')
    .description('replace the state with the one in FILE')
    .option('--data-dir <dir>', 'the data dir of an emulator that is not running')
    .option('--endpoint <url>', 'a running emulator (its admin routes)')
    .action(async (file: string, options: StateOptions) => {
      const text = readFileSync(file, 'utf8');
      const result =
        where(options) === 'data-dir'
          ? await withOfflineState(options.dataDir as string, (offline) => offline.importState(JSON.parse(text)))
          : ((await adminCall(options.endpoint as string, 'state', {
              method: 'POST',
              body: text,
              headers: { 'content-type': 'application/json' },
            })) as { rows: number; tables: number });
      process.stdout.write(`imported ${result.rows} rows into ${result.tables} tables\n`);
    });
}
