import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Command } from 'commander';
import { decodeToken } from '../../contracts/checks.js';
import { getCredentialsForIdentity } from '../flow-client/credentials.js';
import { getDeveloperToken } from '../flow-client/developer-token.js';
import { signedFetch } from '../flow-client/signed-fetch.js';
import { interruptOnSignals } from '../runner/interrupt.js';
import { newRunId } from '../stack/names.js';
import { accountOf, provisionOnTarget } from '../stack/provision.js';
import { executeApiFetch } from '../targets/addressing.js';
import { clientsFor, destroyClients } from '../targets/clients.js';
import { TargetUnavailable, type Target } from '../targets/target.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { addTargetOptions, targetsFrom, type TargetOptions } from './target-options.js';

type Write = (line: string) => void;

export function redactToken(token: string): string {
  return `${token.slice(0, 8)}…(${token.length} chars, redacted)`;
}

export function maskAccessKey(accessKeyId: string): string {
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

async function step<T>(
  write: Write,
  title: string,
  action: () => Promise<T>,
  describe: (value: T) => string[],
): Promise<T> {
  try {
    const value = await action();
    write(`✓ ${title}`);
    for (const line of describe(value)) write(`    ${line}`);
    return value;
  } catch (error) {
    write(
      `✗ ${title}: ${(error as { name?: string }).name ?? 'Error'}: ` +
        `${error instanceof Error ? error.message : String(error)}`,
    );
    throw error;
  }
}

/** The seed flow once, step by step, printing what each step gave (secrets redacted). Returns the exit status. */
export async function runFlow(target: Target, write: Write, signal?: AbortSignal): Promise<number> {
  let session;
  try {
    session = await target.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    write(`✗ ${target.name}: ${message}`);
    process.stderr.write(`idpool: ${target.name} could not start: ${message}\n`);
    return error instanceof TargetUnavailable ? exitCodes.targetUnavailable : exitCodes.failed;
  }
  write(`${session.name}: ${session.description}`);
  const clients = clientsFor(session);
  const runId = newRunId();
  let provisioner: Awaited<ReturnType<typeof provisionOnTarget>> | undefined;
  try {
    provisioner = await provisionOnTarget(session, clients, {
      runId,
      accountId: await accountOf(clients),
      signal,
      onCall: (call, outcome) =>
        write(outcome.kind === 'response' ? `  · ${call}` : `  ✗ ${call}: ${outcome.code}: ${outcome.message}`),
    });
    const { stack } = provisioner;
    if (!stack.identityPoolId || !stack.developerProviderName || !stack.apiUrl) {
      write(`✗ the stack is incomplete: ${provisioner.failures.join('; ')}`);
      return exitCodes.failed;
    }
    write(`✓ stack: pool ${stack.identityPoolId}, provider ${stack.developerProviderName}, API ${stack.apiUrl}`);
    const poolId = stack.identityPoolId;
    const developer = await step(
      write,
      'backend: GetOpenIdTokenForDeveloperIdentity',
      () =>
        getDeveloperToken(clients.cognito, {
          identityPoolId: poolId,
          developerProviderName: stack.developerProviderName as string,
          developerUserId: `user-${runId}`,
        }),
      ({ identityId, token }) => {
        const decoded = decodeToken(token);
        const claims =
          typeof decoded === 'string'
            ? decoded
            : `aud ${String(decoded.claims.aud)}, sub ${String(decoded.claims.sub)}, ` +
              `amr ${JSON.stringify(decoded.claims.amr)}, ` +
              `lifetime ${Number(decoded.claims.exp) - Number(decoded.claims.iat)} s`;
        return [`IdentityId ${identityId}`, `Token ${redactToken(token)}`, `claims: ${claims}`];
      },
    );
    const credentials = await step(
      write,
      'client: GetCredentialsForIdentity',
      () =>
        getCredentialsForIdentity({
          identityId: developer.identityId,
          token: developer.token,
          region: session.region,
          ...(session.endpoint ? { endpoint: session.endpoint } : {}),
        }),
      (value) => [
        `AccessKeyId ${maskAccessKey(value.accessKeyId)}, SecretKey <redacted>, SessionToken <redacted>`,
        `Expiration ${value.expiration.toISOString()}`,
      ],
    );
    await step(
      write,
      'client: STS GetCallerIdentity with those credentials',
      async () => {
        const asIdentity = clientsFor(session, credentials);
        try {
          return await asIdentity.sts.send(new GetCallerIdentityCommand({}));
        } finally {
          destroyClients(asIdentity);
        }
      },
      (value) => [`Arn ${value.Arn ?? ''}`],
    );
    const response = await step(
      write,
      `client: signed GET ${stack.apiUrl}/hello`,
      () =>
        signedFetch(`${stack.apiUrl}/hello`, { method: 'GET' }, credentials, {
          region: session.region,
          fetch: executeApiFetch(session),
        }),
      (value) => [`HTTP ${value.status}`],
    );
    const body = await response.text();
    write(`    ${body}`);
    return response.status === 200 ? exitCodes.passed : exitCodes.failed;
  } catch {
    return exitCodes.failed;
  } finally {
    if (provisioner) {
      write('tearing down');
      for (const failure of await provisioner.teardown.run()) write(`  ! not removed: ${failure} (run idpool cleanup)`);
    }
    destroyClients(clients);
    await session.stop();
  }
}

export function registerFlowCommand(program: Command): void {
  const flow = program
    .command('flow')
    .description('provision the stack on a target, run the developer-authenticated flow once, print each step');
  addTargetOptions(flow, { several: false, creates: true }).action(async (options: TargetOptions) => {
    const targets = targetsFrom(options);
    if (targets.length !== 1) throw new UsageError('idpool flow runs on one target');
    const interrupt = interruptOnSignals();
    try {
      process.exitCode = await runFlow(
        targets[0] as Target,
        (line) => process.stdout.write(`${line}\n`),
        interrupt.signal,
      );
    } finally {
      interrupt.dispose();
    }
  });
}
