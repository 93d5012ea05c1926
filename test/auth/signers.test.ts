import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import aws4 from 'aws4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../emulator/auth/authenticate.js';
import type { ReceivedRequest } from '../../emulator/auth/sigv4.js';
import { Clock } from '../../emulator/clock.js';
import { resolveConfig } from '../../emulator/config.js';
import { Logger } from '../../emulator/logger.js';
import { EmulatorRuntime } from '../../emulator/runtime.js';
import { startCaptureServer } from '../support/capture-server.js';
import { clientsFor, rootCredentials } from '../support/emulator.js';

function pythonHasBotocore(): boolean {
  try {
    execFileSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function clone(request: ReceivedRequest, change: Partial<ReceivedRequest> = {}): ReceivedRequest {
  return { ...request, headers: new Map([...request.headers].map(([name, values]) => [name, [...values]])), ...change };
}

function setHeader(request: ReceivedRequest, name: string, value: string): ReceivedRequest {
  const copy = clone(request);
  copy.headers.set(name, [value]);
  return copy;
}

describe('signatures made by aws4, the AWS SDK v3 and botocore, verified in strict mode', () => {
  let capture: Awaited<ReturnType<typeof startCaptureServer>>;
  const runtime = new EmulatorRuntime(resolveConfig({ strictAuth: true }), new Clock(), new Logger('error'));
  const signed: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    capture = await startCaptureServer();
    const { host } = new URL(capture.url);

    const get = aws4.sign(
      { host, path: '/dev/hello/world?b=2&a=1&a=0', method: 'GET', service: 'execute-api', region: 'us-east-1' },
      rootCredentials,
    );
    await fetch(`${capture.url}${get.path}`, { headers: get.headers as Record<string, string> });
    signed.aws4Get = capture.captured.at(-1) as ReceivedRequest;

    const body = JSON.stringify({ greeting: 'hello', list: [1, 2, 3] });
    const post = aws4.sign(
      {
        host,
        path: '/dev/items',
        method: 'POST',
        service: 'execute-api',
        region: 'us-east-1',
        body,
        headers: { 'content-type': 'application/json', 'x-custom': 'a  b' },
      },
      rootCredentials,
    );
    await fetch(`${capture.url}${post.path}`, {
      method: 'POST',
      headers: post.headers as Record<string, string>,
      body,
    });
    signed.aws4Post = capture.captured.at(-1) as ReceivedRequest;

    await clientsFor({ url: capture.url, region: 'us-east-1' })
      .cognito.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))
      .catch(() => undefined);
    signed.sdkV3 = capture.captured.at(-1) as ReceivedRequest;

    if (pythonHasBotocore()) {
      const script =
        `
import boto3, botocore.config
for service, call in (('sts', lambda c: c.get_caller_identity()), ` +
        `('cognito-identity', lambda c: c.list_identity_pools(MaxResults=5))):
    client = boto3.client(service, endpoint_url='${capture.url}', region_name='us-east-1', aws_access_key_id='test',
                          aws_secret_access_key='test', config=botocore.config.Config(retries={'max_attempts': 1}))
    try:
        call(client)
    except Exception:
        pass
`;
      // Asynchronously: the capture server answering botocore runs in this very process.
      await promisify(execFile)('python3', ['-c', script]);
      signed.botocoreQuery = capture.captured.at(-2) as ReceivedRequest;
      signed.botocoreJson = capture.captured.at(-1) as ReceivedRequest;
    }
  });

  afterAll(async () => {
    await capture.stop();
    await runtime.close();
  });

  const serviceOf = (request: ReceivedRequest) =>
    /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(request.headers.get('authorization')?.[0] ?? '')?.[1] as string;

  for (const name of ['aws4Get', 'aws4Post', 'sdkV3', 'botocoreQuery', 'botocoreJson']) {
    it(`accepts a request signed by ${name}`, async (test) => {
      const request = signed[name];
      if (!request) test.skip(`python3 with botocore is not installed`);
      const { caller } = await authenticate(runtime, request as ReceivedRequest, {
        service: serviceOf(request as ReceivedRequest),
      });
      expect(caller.kind).toBe('root');
    });
  }

  describe('refuses every tampered variant of a signed request', () => {
    const base = () => signed.aws4Post as ReceivedRequest;
    const refusal = async (request: ReceivedRequest, expected: string) => {
      await expect(authenticate(runtime, request, { service: 'execute-api' })).rejects.toMatchObject({
        code: expected,
      });
    };

    it('a signed header changed', async () => {
      for (const name of (base().headers.get('authorization')?.[0] ?? '')
        .match(/SignedHeaders=([^,]+)/)?.[1]
        ?.split(';') ?? []) {
        if (name === 'x-amz-date') continue;
        await refusal(setHeader(base(), name, `${base().headers.get(name)?.[0] ?? ''}x`), 'InvalidSignatureException');
      }
    });
    it('the path changed', () => refusal(clone(base(), { path: '/dev/items2' }), 'InvalidSignatureException'));
    it('the query changed', () => refusal(clone(base(), { query: 'x=1' }), 'InvalidSignatureException'));
    it('the body changed', () =>
      refusal(clone(base(), { body: Buffer.from('{"greeting":"hellO"}') }), 'InvalidSignatureException'));
    it('the date changed within the scope day', async () => {
      const date = base().headers.get('x-amz-date')?.[0] as string;
      const nextSecond = String((Number(date.slice(13, 15)) + 1) % 60).padStart(2, '0');
      const shifted = `${date.slice(0, 13)}${nextSecond}${date.slice(15)}`;
      await refusal(setHeader(base(), 'x-amz-date', shifted), 'InvalidSignatureException');
    });
    const authorization = () => base().headers.get('authorization')?.[0] as string;
    it('the region changed', () =>
      refusal(
        setHeader(base(), 'authorization', authorization().replace('/us-east-1/', '/eu-west-1/')),
        'InvalidSignatureException',
      ));
    it('the service changed', async () => {
      const request = setHeader(base(), 'authorization', authorization().replace('/execute-api/', '/lambda/'));
      await expect(authenticate(runtime, request, { service: 'lambda' })).rejects.toMatchObject({
        code: 'InvalidSignatureException',
      });
      await refusal(request, 'InvalidSignatureException');
    });
    it('the key changed', () =>
      refusal(
        setHeader(base(), 'authorization', authorization().replace('Credential=test/', 'Credential=other/')),
        'UnrecognizedClientException',
      ));
    it('the signature changed', () =>
      refusal(
        setHeader(
          base(),
          'authorization',
          authorization().replace(/Signature=(\w)/, (_, c: string) => `Signature=${c === '0' ? '1' : '0'}`),
        ),
        'InvalidSignatureException',
      ));
    it('a date more than five minutes old', async () => {
      runtime.clock.advance(301);
      try {
        await expect(authenticate(runtime, base(), { service: 'execute-api' })).rejects.toThrow(
          /^Signature expired: \d{8}T\d{6}Z is now earlier than/,
        );
      } finally {
        runtime.clock.setOffset(0);
      }
    });
  });
});
