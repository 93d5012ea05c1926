import type { Command } from 'commander';
import { requestLogFileName, readRequestLogFile } from '../../emulator/request-log-file.js';
import { suggestPolicy, type LoggedDecision } from '../../emulator/auth/suggest-policy.js';
import { exitCodes, UsageError } from './exit-codes.js';

interface SuggestOptions {
  role: string;
  endpoint?: string;
  dataDir?: string;
  deniedOnly?: boolean;
}

/** The role's requests from a running emulator's `GET /_idpool/requests` (its whole log). */
async function fromEndpoint(endpoint: string, role: string): Promise<LoggedDecision[]> {
  const url = new URL('/_idpool/requests', endpoint);
  url.search = new URLSearchParams({ role, limit: String(Number.MAX_SAFE_INTEGER) }).toString();
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new UsageError(`nothing answered at ${endpoint}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (!response.ok) {
    throw new UsageError(
      `${url.origin} answered ${response.status} to GET /_idpool/requests (an idpool emulator with its admin routes, ` +
        `not started with --no-admin?): ${text.slice(0, 300)}`,
    );
  }
  return (JSON.parse(text) as { entries: LoggedDecision[] }).entries;
}

function fromDataDir(dataDir: string): LoggedDecision[] {
  const entries = readRequestLogFile(dataDir);
  if (!entries) {
    throw new UsageError(
      `${dataDir} holds no request log (${requestLogFileName}): the emulator keeps one there when started with ` +
        `--data-dir ${dataDir}`,
    );
  }
  return entries;
}

export function registerPolicyCommand(program: Command): void {
  const policy = program.command('policy').description('IAM policies from what the emulator saw');
  policy
    .command('suggest')
    .description("print a least-privilege policy covering every action the role's sessions used or were refused")
    .requiredOption('--role <name>', 'the role (its name, or its id AROA…)')
    .option('--endpoint <url>', 'a running emulator (its request log, GET /_idpool/requests)')
    .option('--data-dir <dir>', "an emulator's data dir (its request log, kept across restarts)")
    .option('--denied-only', 'only the actions still refused')
    .action(async (options: SuggestOptions) => {
      if (Boolean(options.endpoint) === Boolean(options.dataDir)) {
        throw new UsageError('name the request log with exactly one of --endpoint URL or --data-dir DIR');
      }
      const entries = options.endpoint
        ? await fromEndpoint(options.endpoint, options.role)
        : fromDataDir(options.dataDir as string);
      const suggestion = suggestPolicy(entries, options.role, { deniedOnly: options.deniedOnly ?? false });
      for (const denied of suggestion.explicitlyDenied) {
        const by = denied.decidedBy;
        const where = by ? ` by ${by.policyKind} policy ${by.policyName}, statement ${by.statement}` : '';
        process.stderr.write(
          `note: ${denied.action} on ${denied.resource} is explicitly denied${where}; ` +
            'an Allow does not override a Deny, change that statement\n',
        );
      }
      const statements = suggestion.document.Statement;
      if (statements.length === 0) {
        const what = options.deniedOnly ? 'denied request' : 'evaluated request';
        process.stderr.write(
          `no ${what} of a session of role ${options.role} in the request log: nothing to suggest\n`,
        );
        process.exitCode = exitCodes.failed;
        return;
      }
      process.stdout.write(`${JSON.stringify(suggestion.document, null, 2)}\n`);
      const from = `${suggestion.requests} request(s) of sessions of role ${options.role}`;
      process.stderr.write(`${statements.length} statement(s) from ${from}\n`);
    });
}
