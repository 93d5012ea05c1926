/** Temporary AWS credentials of the identity's role, as GetCredentialsForIdentity answers them. */
export interface IdentityCredentials {
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface CredentialsRequest {
  identityId: string;
  /** The OpenID token the backend got from GetOpenIdTokenForDeveloperIdentity. */
  token: string;
  region: string;
  /** An emulator's URL (`http://127.0.0.1:4566`); AWS's regional endpoint when absent. */
  endpoint?: string;
  /** The fetch to send with (the global one when absent). */
  fetch?: typeof fetch;
}

/** An error Cognito Identity answered: `name` is AWS's error code (`NotAuthorizedException`, …). */
export class CognitoIdentityError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

interface WireCredentials {
  IdentityId?: string;
  Credentials?: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string; Expiration?: number };
}

/** awsJson1_1 errors name their type in `__type` (`NotAuthorizedException` or `prefix#NotAuthorizedException`). */
async function errorOf(response: Response): Promise<CognitoIdentityError> {
  const text = await response.text();
  let body: { __type?: string; message?: string; Message?: string } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON: a proxy's or a gateway's page; the status says enough.
  }
  const type = body.__type ?? response.headers.get('x-amzn-errortype') ?? `HTTP${response.status}`;
  const code = (type.split('#').pop() as string).split(':')[0] as string;
  return new CognitoIdentityError(
    code,
    body.message ?? body.Message ?? (text.slice(0, 200) || response.statusText),
    response.status,
  );
}

/**
 * Client side: trades the OpenID token for temporary AWS credentials of the pool's authenticated role. A public
 * operation, sent unsigned with fetch (no AWS SDK, no AWS credentials), so it runs in browsers as well as in Node.
 */
export async function getCredentialsForIdentity(request: CredentialsRequest): Promise<IdentityCredentials> {
  const endpoint = request.endpoint ?? `https://cognito-identity.${request.region}.amazonaws.com/`;
  const send = request.fetch ?? fetch;
  const response = await send(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityService.GetCredentialsForIdentity',
    },
    body: JSON.stringify({
      IdentityId: request.identityId,
      Logins: { 'cognito-identity.amazonaws.com': request.token },
    }),
  });
  if (!response.ok) throw await errorOf(response);
  const output = (await response.json()) as WireCredentials;
  const credentials = output.Credentials;
  if (
    !credentials?.AccessKeyId ||
    !credentials.SecretKey ||
    !credentials.SessionToken ||
    credentials.Expiration === undefined
  ) {
    throw new Error('GetCredentialsForIdentity answered without complete Credentials');
  }
  return {
    identityId: output.IdentityId ?? request.identityId,
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretKey,
    sessionToken: credentials.SessionToken,
    // awsJson timestamps are epoch seconds.
    expiration: new Date(credentials.Expiration * 1000),
  };
}
