import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiBuilder } from '../apigateway/api-builder.js';
import { useEmulator } from '../support/emulator.js';
import { cognitoCall, json, rootKeys, send, signed, type Raw } from './support.js';

const hostMessage = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";

function amzDate(date = new Date()): string {
  return date.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** A correct SigV4 signature over X-Amz-Date alone: `host` left out of SignedHeaders, as a careless signer would. */
function signedWithoutHost(raw: Raw, service: string, keys = rootKeys, region = 'us-east-1'): Raw {
  const date = amzDate();
  const day = date.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const canonical = [
    raw.method ?? 'GET',
    raw.path ?? '/',
    '',
    `x-amz-date:${date}`,
    '',
    'x-amz-date',
    sha256(raw.body ?? ''),
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonical)].join('\n');
  let key: Buffer = hmac(`AWS4${keys.secretAccessKey}`, day);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  const authorization =
    `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/${scope}, ` + `SignedHeaders=x-amz-date, Signature=${signature}`;
  return { ...raw, headers: { ...raw.headers, 'x-amz-date': date, authorization } };
}

const listPools = () => cognitoCall('ListIdentityPools', '{"MaxResults":5}');

describe('SigV4 with --strict-auth', () => {
  const ctx = useEmulator({ strictAuth: true, logLevel: 'error' });

  it('refuses a signature that does not cover the host, with AWS’s message, on the control plane', async () => {
    const good = await send(ctx.emulator, signed(ctx.emulator, 'cognito-identity', listPools()));
    expect(good.status).toBe(200);
    const answer = await send(ctx.emulator, signedWithoutHost(listPools(), 'cognito-identity'));
    expect(answer.status).toBe(400);
    expect(json(answer)).toEqual({ __type: 'InvalidSignatureException', message: hostMessage });
    const lambda = await send(ctx.emulator, signedWithoutHost({ path: '/2015-03-31/functions' }, 'lambda'));
    expect(lambda.status).toBe(403);
    expect(lambda.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
  });

  it('refuses it on an AWS_IAM execute-api method, so it cannot be replayed against another API', async () => {
    const first = await ApiBuilder.create(ctx.clients.apiGateway, 'first');
    await first.mock('GET', '/private', 'AWS_IAM');
    await first.deploy('dev');
    const second = await ApiBuilder.create(ctx.clients.apiGateway, 'second');
    await second.mock('GET', '/private', 'AWS_IAM');
    await second.deploy('dev');
    const host = (api: ApiBuilder) => `${api.apiId}.execute-api.localhost:${ctx.emulator.port}`;

    const proper = await send(ctx.emulator, signedFor(host(first), { path: '/dev/private' }));
    expect(proper.status).toBe(200);

    const unsignedHost = signedWithoutHost({ path: '/dev/private' }, 'execute-api');
    for (const api of [first, second]) {
      const answer = await send(ctx.emulator, {
        ...unsignedHost,
        headers: { ...unsignedHost.headers, host: host(api) },
      });
      expect(answer.status).toBe(403);
      expect(answer.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
      expect(json(answer)).toEqual({ message: hostMessage });
    }
  });

  it('refuses two Authorization headers, even when the second is good', async () => {
    const good = signed(ctx.emulator, 'cognito-identity', listPools());
    const authorization = good.headers?.authorization as string;
    const bad = authorization.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`);
    const answer = await send(ctx.emulator, {
      ...good,
      headers: { ...good.headers, authorization: [bad, authorization] },
    });
    expect(answer.status).toBe(400);
    expect(json(answer).__type).toBe('IncompleteSignatureException');
    expect(json(answer).message).toContain("2 'Authorization' headers");
  });

  it('refuses two X-Amz-Date or two X-Amz-Security-Token headers', async () => {
    const good = signed(ctx.emulator, 'cognito-identity', listPools());
    const date = good.headers?.['x-amz-date'] as string;
    const dates = await send(ctx.emulator, { ...good, headers: { ...good.headers, 'x-amz-date': [date, date] } });
    expect(dates.status).toBe(400);
    expect(json(dates).__type).toBe('IncompleteSignatureException');
    const tokens = await send(ctx.emulator, {
      ...good,
      headers: { ...good.headers, 'x-amz-security-token': ['a', 'b'] },
    });
    expect(tokens.status).toBe(400);
    expect(json(tokens).message).toContain("'X-Amz-Security-Token'");
  });
});

/** A root-key signature over host and X-Amz-Date for an execute-api host form. */
function signedFor(host: string, raw: Raw): Raw {
  const date = amzDate();
  const day = date.slice(0, 8);
  const scope = `${day}/us-east-1/execute-api/aws4_request`;
  const canonical = [
    raw.method ?? 'GET',
    raw.path ?? '/',
    '',
    `host:${host}`,
    `x-amz-date:${date}`,
    '',
    'host;x-amz-date',
    sha256(''),
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonical)].join('\n');
  let key: Buffer = hmac(`AWS4${rootKeys.secretAccessKey}`, day);
  for (const part of ['us-east-1', 'execute-api', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return {
    path: raw.path,
    headers: {
      host,
      'x-amz-date': date,
      authorization:
        `AWS4-HMAC-SHA256 Credential=${rootKeys.accessKeyId}/${scope}, ` +
        `SignedHeaders=host;x-amz-date, Signature=${signature}`,
    },
  };
}

describe('SigV4 credential scope in the default mode (any key is the root)', () => {
  const ctx = useEmulator({ logLevel: 'error' });

  it('refuses a scope region that is not a region, so none reaches an operation', async () => {
    const create = () =>
      cognitoCall(
        'CreateIdentityPool',
        JSON.stringify({ IdentityPoolName: 'scoped', AllowUnauthenticatedIdentities: true }),
      );
    for (const region of ['x'.repeat(3000), `us-east-1'"<x>`, 'US-EAST-1', 'local']) {
      const answer = await send(ctx.emulator, signed(ctx.emulator, 'cognito-identity', create(), rootKeys, region));
      expect(answer.status, region.slice(0, 20)).toBe(400);
      expect(json(answer).__type).toBe('InvalidSignatureException');
      expect(json(answer).message).toMatch(/^Credential should be scoped to a valid region, not '/);
    }
    expect((await ctx.clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools).toEqual(
      [],
    );
    const real = await send(ctx.emulator, signed(ctx.emulator, 'cognito-identity', create(), rootKeys, 'eu-central-2'));
    expect(real.status).toBe(200);
    expect(json(real).IdentityPoolId).toMatch(/^eu-central-2:/);
  });

  it('refuses an access key id that is not word characters', async () => {
    const answer = await send(
      ctx.emulator,
      signed(ctx.emulator, 'cognito-identity', listPools(), {
        accessKeyId: `AKID'"${'x'.repeat(200)}`,
        secretAccessKey: 'x',
      }),
    );
    expect(answer.status).toBe(400);
    expect(json(answer).__type).toBe('UnrecognizedClientException');
  });
});
