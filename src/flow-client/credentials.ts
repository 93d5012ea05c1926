import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import type { IdentityCredentials } from '../client/get-credentials-for-identity.js';

export type { IdentityCredentials };

export interface CredentialsRequest {
  identityId: string;
  /** The OpenID token the backend got from getDeveloperToken. */
  token: string;
  region: string;
  /** An emulator's URL; AWS when absent. */
  endpoint?: string;
}

/**
 * Client side: trades the OpenID token for temporary AWS credentials of the pool's authenticated role. A public
 * operation: no AWS credentials are needed (the SDK sends it unsigned).
 */
export async function getCredentialsForIdentity(request: CredentialsRequest): Promise<IdentityCredentials> {
  const cognito = new CognitoIdentityClient({
    region: request.region,
    ...(request.endpoint ? { endpoint: request.endpoint } : {}),
  });
  try {
    const output = await cognito.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: request.identityId,
        Logins: { 'cognito-identity.amazonaws.com': request.token },
      }),
    );
    const credentials = output.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretKey || !credentials.SessionToken || !credentials.Expiration) {
      throw new Error('GetCredentialsForIdentity answered without complete Credentials');
    }
    return {
      identityId: output.IdentityId ?? request.identityId,
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration,
    };
  } finally {
    cognito.destroy();
  }
}
