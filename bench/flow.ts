import { cognitoRequest, signedGet, SignedRequestCache } from './aws-requests.js';
import { benchCredentials } from './cognito-setup.js';
import { expectStatus, type LoadOptions } from './http-load.js';
import { spawnServer, cliPath, type ServerProcess } from './processes.js';

/** What `idpool up` prints for an app. */
export interface SeedStack {
  endpoint: string;
  region: string;
  identityPoolId: string;
  developerProviderName: string;
  apiUrl: string;
}

/** `idpool up --port 0`: the emulator with the seed stack (pool, roles, the examples/hello Lambda, the API). */
export async function spawnSeedStack(): Promise<{ server: ServerProcess; stack: SeedStack }> {
  const server = await spawnServer(
    process.execPath,
    [cliPath, 'up', '--port', '0'],
    /ready at (http:\/\/\S+) with the seed stack[^\n]*:\n(\{[\s\S]*\n\})\n/,
  );
  return { server, stack: JSON.parse(server.ready[2] as string) as SeedStack };
}

/**
 * One unit of work is the whole seed flow, as an app does it: the backend's GetOpenIdTokenForDeveloperIdentity
 * (signed with the developer's keys), the client's GetCredentialsForIdentity, then a GET of /hello signed with aws4
 * using those credentials, answered by the Lambda. 200 developer users, each flow a fresh set of credentials.
 */
export function seedFlowWork(stack: SeedStack): LoadOptions['work'] {
  const tokenRequests = new SignedRequestCache((user) =>
    cognitoRequest(
      stack.endpoint,
      stack.region,
      'GetOpenIdTokenForDeveloperIdentity',
      { IdentityPoolId: stack.identityPoolId, Logins: { [stack.developerProviderName]: user } },
      benchCredentials,
    ),
  );
  const api = new URL(`${stack.apiUrl}/hello`);
  const endpoint = new URL(stack.endpoint);
  // The API's host (`<id>.execute-api.localhost:<port>`) is sent to the emulator's own address, as LocalStack clients
  // do.
  const connectTo = `${endpoint.protocol}//${endpoint.host}${api.pathname}`;
  return async (client, iteration, send) => {
    const token = JSON.parse(
      expectStatus(await send(tokenRequests.get(`flow-user-${(client * 131 + iteration) % 200}`)), 200, 'token').body,
    ) as { IdentityId: string; Token: string };
    const credentialsAnswer = await send(
      cognitoRequest(stack.endpoint, stack.region, 'GetCredentialsForIdentity', {
        IdentityId: token.IdentityId,
        Logins: { 'cognito-identity.amazonaws.com': token.Token },
      }),
    );
    const { Credentials } = JSON.parse(expectStatus(credentialsAnswer, 200, 'credentials').body) as {
      Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string };
    };
    const keys = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretKey,
      sessionToken: Credentials.SessionToken,
    };
    const hello = expectStatus(
      await send(signedGet(connectTo, stack.region, keys, api.host)),
      200,
      'signed GET /hello',
    );
    if (!hello.body.includes('Hello user') || !hello.body.includes(token.IdentityId))
      throw new Error(`unexpected answer: ${hello.body.slice(0, 200)}`);
  };
}
