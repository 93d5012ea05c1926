import {
  CognitoIdentityClient,
  GetOpenIdTokenForDeveloperIdentityCommand,
  type CognitoIdentityClientConfig,
} from '@aws-sdk/client-cognito-identity';

export interface DeveloperTokenRequest {
  identityPoolId: string;
  /** The pool's developer provider name (the key of the Logins map). */
  developerProviderName: string;
  /** Your backend's id for the signed-in user. */
  developerUserId: string;
  /** Link the login to this existing identity. */
  identityId?: string;
  /** Token lifetime in seconds (AWS: 1-86400, default 900). */
  tokenDuration?: number;
}

export interface DeveloperToken {
  identityId: string;
  /** The OpenID token to hand to the client. */
  token: string;
}

/**
 * Backend side: registers (or finds) the user's Cognito identity and gets an OpenID token for it. Needs the
 * developer's AWS credentials; pass a client, or the client configuration (region, credentials, endpoint).
 */
export async function getDeveloperToken(
  client: CognitoIdentityClient | CognitoIdentityClientConfig,
  request: DeveloperTokenRequest,
): Promise<DeveloperToken> {
  const cognito = client instanceof CognitoIdentityClient ? client : new CognitoIdentityClient(client);
  const output = await cognito.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: request.identityPoolId,
      Logins: { [request.developerProviderName]: request.developerUserId },
      ...(request.identityId ? { IdentityId: request.identityId } : {}),
      ...(request.tokenDuration ? { TokenDuration: request.tokenDuration } : {}),
    }),
  );
  if (!output.IdentityId || !output.Token)
    throw new Error('GetOpenIdTokenForDeveloperIdentity answered without IdentityId or Token');
  return { identityId: output.IdentityId, token: output.Token };
}
