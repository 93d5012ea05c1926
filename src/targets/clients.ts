import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsClients, AwsCredentials } from '../../contracts/types.js';
import type { TargetSession } from './target.js';

/** SDK clients for a target, signing with `credentials` (the session's when absent) at the target's clock. */
export function clientsFor(
  session: Pick<TargetSession, 'endpoint' | 'region' | 'credentials'>,
  credentials?: AwsCredentials,
  clockOffsetMs = 0,
): AwsClients {
  const config = {
    region: session.region,
    ...(session.endpoint ? { endpoint: session.endpoint } : {}),
    ...((credentials ?? session.credentials) ? { credentials: credentials ?? session.credentials } : {}),
    // Contracts judge the first answer; only real AWS gets the SDK's retries (throttling while provisioning).
    maxAttempts: session.endpoint ? 1 : 3,
    systemClockOffset: clockOffsetMs,
  };
  return {
    cognito: new CognitoIdentityClient(config),
    sts: new STSClient(config),
    iam: new IAMClient(config),
    lambda: new LambdaClient(config),
    apiGateway: new APIGatewayClient(config),
  };
}

export function destroyClients(clients: AwsClients): void {
  for (const client of Object.values(clients)) client.destroy();
}
