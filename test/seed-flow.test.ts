import {
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import { execFile, execFileSync } from 'node:child_process';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provisioner } from '../src/stack/provisioner.js';
import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import { clientsFor } from '../src/targets/clients.js';
import { provisionSeedStack } from './support/seed-stack.js';

/**
 * The tutorial's flow, end to end, on the embedded emulator: the stack (pool with a developer provider, roles and
 * the execute-api:Invoke policy, the Lambda zipped from examples/hello, GET /hello with AWS_IAM + AWS_PROXY + CORS,
 * deployed to dev) provisioned through the AWS SDK; then the backend's developer token, the client's credentials,
 * and the signed GET — by aws4 as the seed does, by the AWS SDK v3's signer and by botocore's.
 */
describe('the seed flow, exactly as the tutorial does it', () => {
  let emulator: RunningEmulator;
  let provisioner: Provisioner;
  let keys: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  let identityId: string;
  let helloUrl: URL;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'warn' });
    const seeded = await provisionSeedStack(emulator);
    provisioner = seeded.provisioner;
    const { clients, session } = seeded;
    const { stack } = provisioner;

    // Backend: the developer's own credentials get an identity and a token for its user.
    const token = await clients.cognito.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: stack.identityPoolId,
        Logins: { [stack.developerProviderName as string]: 'tutorial-user' },
      }),
    );
    identityId = token.IdentityId as string;
    // Client: trades the token for the authenticated role's temporary credentials (an unsigned call).
    const unsigned = clientsFor(session, { accessKeyId: 'unused', secretAccessKey: 'unused' }).cognito;
    const answer = await unsigned.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: { 'cognito-identity.amazonaws.com': token.Token as string },
      }),
    );
    const credentials = answer.Credentials as { AccessKeyId: string; SecretKey: string; SessionToken: string };
    keys = {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretKey,
      sessionToken: credentials.SessionToken,
    };
    helloUrl = new URL(`${stack.apiUrl}${stack.helloPath}`);
  });

  afterAll(async () => {
    await provisioner?.teardown.run();
    await emulator?.stop();
  });

  const expectHello = async (response: { status: number; text(): Promise<string> }) => {
    const body = await response.text();
    expect(response.status, body).toBe(200);
    expect(JSON.parse(body)).toMatchObject({
      message: 'Hello user',
      cognitoIdentityId: identityId,
      cognitoAuthenticationType: 'authenticated',
    });
  };

  it('the aws4-signed GET reaches the Lambda as the Cognito identity', async () => {
    const signed = aws4.sign(
      { host: helloUrl.host, path: helloUrl.pathname, method: 'GET', service: 'execute-api', region: emulator.region },
      keys,
    );
    await expectHello(await fetch(helloUrl, { headers: signed.headers as Record<string, string> }));
  });

  it('the CORS preflight answers with the Access-Control-Allow-* headers, unsigned', async () => {
    const response = await fetch(helloUrl, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response.headers.get('access-control-allow-headers')).toContain('X-Amz-Security-Token');
  });

  it('the same GET signed by the AWS SDK v3 signer succeeds', async () => {
    class Sha256 {
      private readonly hash: Hash | Hmac;
      constructor(secret?: string | Uint8Array) {
        this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
      }
      update(data: string | Uint8Array) {
        this.hash.update(data);
      }
      async digest() {
        return new Uint8Array(this.hash.digest());
      }
    }
    const signer = new SignatureV4({
      service: 'execute-api',
      region: emulator.region,
      credentials: keys,
      sha256: Sha256 as never,
    });
    const signed = await signer.sign({
      method: 'GET',
      protocol: 'http:',
      hostname: helloUrl.hostname,
      port: Number(helloUrl.port),
      path: helloUrl.pathname,
      headers: { host: helloUrl.host },
      query: {},
    });
    await expectHello(await fetch(helloUrl, { headers: signed.headers }));
  });

  it('the same GET signed by botocore succeeds', async (test) => {
    try {
      execFileSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' });
    } catch {
      test.skip('python3 with botocore is not installed');
    }
    const script = `
import json, sys, urllib.request
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
url, region, key, secret, token = sys.argv[1:6]
request = AWSRequest(method='GET', url=url)
SigV4Auth(Credentials(key, secret, token), 'execute-api', region).add_auth(request)
with urllib.request.urlopen(urllib.request.Request(url, headers=dict(request.headers.items()))) as response:
    print(json.dumps({'status': response.status, 'body': response.read().decode()}))
`;
    const { stdout } = await promisify(execFile)('python3', [
      '-c',
      script,
      helloUrl.href,
      emulator.region,
      keys.accessKeyId,
      keys.secretAccessKey,
      keys.sessionToken,
    ]);
    const answer = JSON.parse(stdout) as { status: number; body: string };
    await expectHello({ status: answer.status, text: async () => answer.body });
  });
});
