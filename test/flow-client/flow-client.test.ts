import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import aws4 from 'aws4';
import { describe, expect, it } from 'vitest';
import {
  getCredentialsForIdentity,
  getDeveloperToken,
  routedFetch,
  signedFetch,
  signRequest,
} from '../../src/index.js';
import { openScenario, startTarget } from '../../src/runner/scenario.js';
import { executeApiFetch } from '../../src/targets/addressing.js';
import { embeddedTarget } from '../../src/targets/embedded.js';
import type { TargetSession } from '../../src/targets/target.js';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session',
};

describe('the flow client library', () => {
  it('signs like aws4 does, for execute-api in the given region, at the given time', () => {
    const date = new Date('2015-08-30T12:36:00Z');
    const headers = signRequest(
      'https://abc123.execute-api.localhost:4566/dev/hello?x=1',
      { method: 'GET' },
      credentials,
      { region: 'eu-west-1', date },
    );
    const expected = aws4.sign(
      {
        host: 'abc123.execute-api.localhost:4566',
        path: '/dev/hello?x=1',
        method: 'GET',
        service: 'execute-api',
        region: 'eu-west-1',
        headers: { 'X-Amz-Date': '20150830T123600Z' },
      },
      credentials,
    );
    expect(headers.Authorization).toBe((expected.headers as Record<string, string>).Authorization);
    expect(headers.Authorization).toMatch(
      new RegExp(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/eu-west-1\/execute-api\/aws4_request, /.source +
          /SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/.source,
      ),
    );
    expect(headers['X-Amz-Security-Token']).toBe('session');
  });

  it("routedFetch connects to one address and sends the URL's host", async () => {
    let seen: { headers: IncomingHttpHeaders; url?: string } | undefined;
    const server = createServer((request, response) => {
      seen = { headers: request.headers, ...(request.url ? { url: request.url } : {}) };
      response.writeHead(201, { 'x-answer': 'yes' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const send = routedFetch({ hostname: '127.0.0.1', port });
      const response = await signedFetch(
        `http://abc123.execute-api.localhost:${port}/dev/hello`,
        { method: 'GET' },
        credentials,
        { region: 'us-east-1', fetch: send },
      );
      expect(response.status).toBe(201);
      expect(response.headers.get('x-answer')).toBe('yes');
      expect(await response.json()).toEqual({ ok: true });
      expect(seen?.url).toBe('/dev/hello');
      expect(seen?.headers.host).toBe(`abc123.execute-api.localhost:${port}`);
      expect(seen?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    } finally {
      server.close();
    }
  });

  it('runs the whole client side of the flow against the embedded emulator', async () => {
    const session = (await startTarget(embeddedTarget())) as TargetSession;
    const scenario = await openScenario(session, { contracts: [] });
    try {
      const { stack } = scenario.state;
      const developer = await getDeveloperToken(
        {
          endpoint: session.endpoint as string,
          region: session.region,
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        },
        {
          identityPoolId: stack.identityPoolId as string,
          developerProviderName: stack.developerProviderName as string,
          developerUserId: 'library-user',
        },
      );
      const identity = await getCredentialsForIdentity({
        ...developer,
        region: session.region,
        endpoint: session.endpoint as string,
      });
      expect(identity.identityId).toBe(developer.identityId);
      expect(identity.accessKeyId).toMatch(/^ASIA/);
      const response = await signedFetch(`${stack.apiUrl}/hello`, { method: 'GET' }, identity, {
        region: session.region,
        fetch: executeApiFetch(session),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ message: 'Hello user', cognitoIdentityId: developer.identityId });
    } finally {
      await scenario.close();
    }
  });
});
