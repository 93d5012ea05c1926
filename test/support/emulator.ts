import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/testing.js';
import type { EmulatorOptions } from '../../emulator/config.js';

export const rootCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** SDK clients pointed at an emulator, with the root keys unless other credentials are given. */
export function clientsFor(
  emulator: Pick<RunningEmulator, 'url' | 'region'>,
  credentials: AwsCredentials = rootCredentials,
) {
  const config = { endpoint: emulator.url, region: emulator.region, credentials, maxAttempts: 1 };
  return {
    cognito: new CognitoIdentityClient(config),
    sts: new STSClient(config),
    iam: new IAMClient(config),
    lambda: new LambdaClient(config),
    apiGateway: new APIGatewayClient(config),
  };
}

export type Clients = ReturnType<typeof clientsFor>;

/**
 * Starts one emulator on port 0 for a test file and stops it afterwards. Use the returned object's fields inside
 * tests (they are set in beforeAll).
 */
export function useEmulator(options: EmulatorOptions = {}): { emulator: RunningEmulator; clients: Clients } {
  const context = {} as { emulator: RunningEmulator; clients: Clients };
  beforeAll(async () => {
    context.emulator = await startEmulator({ port: 0, logLevel: 'warn', ...options });
    context.clients = clientsFor(context.emulator);
  });
  afterAll(async () => {
    await context.emulator?.stop();
  });
  return context;
}

/** Awaits a promise that must reject with an AWS error, and returns that error. */
export async function awsError(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail, it succeeded');
}
