import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, type CreateFunctionCommandInput, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clients } from './emulator.js';

/** A .zip deployment package holding these files (path → source text). */
export function zipFunction(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
}

export const lambdaTrustPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** Creates an execution role Lambda may assume and returns its ARN. */
export async function createLambdaRole(clients: Clients, roleName: string, trustPolicy = lambdaTrustPolicy): Promise<string> {
  const created = await clients.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicy }));
  return created.Role?.Arn as string;
}

/** Creates a nodejs20.x function from source files, handler `index.handler` unless told otherwise. */
export async function deployFunction(
  clients: Clients,
  role: string,
  name: string,
  files: Record<string, string>,
  extra: Partial<CreateFunctionCommandInput> = {},
): Promise<FunctionConfiguration> {
  return clients.lambda.send(
    new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: role, Handler: 'index.handler', Code: { ZipFile: zipFunction(files) }, ...extra }),
  );
}

/** The JSON a function answered. */
export function payloadOf(output: { Payload?: Uint8Array }): unknown {
  return JSON.parse(Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8'));
}

/** The log an Invoke with LogType Tail returned. */
export function logOf(output: { LogResult?: string }): string {
  return Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
}

/** A scratch folder functions may write to: when the tests run as root, functions run as `nobody`. */
export function scratchForFunctions(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}
