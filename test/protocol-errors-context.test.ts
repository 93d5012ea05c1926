import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';

// Errors raised before an operation is known (a body too large to read, a broken signature) are written in the
// protocol of the endpoint that claimed the request and, for awsQuery, in the namespace of the service it names.
const stsNamespace = 'https://sts.amazonaws.com/doc/2011-06-15/';
const iamNamespace = 'https://iam.amazonaws.com/doc/2010-05-08/';
const bodyLimit = 1024;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  url: string,
  options: { method?: string; path?: string; headers: Record<string, string>; body: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path ?? '/', url);
    const req = httpRequest(target, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function authorization(service: string): string {
  return (
    `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/${service}/aws4_request, ` +
    `SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`
  );
}

const form = 'application/x-www-form-urlencoded';
const tooLarge = (prefix: string) => prefix + 'x'.repeat(bodyLimit * 2);

describe('errors before the operation is known, written from the request context', () => {
  const ctx = useEmulator({ maxBodyBytes: bodyLimit });

  it('awsJson1_1: a body too large is a JSON error with its type', async () => {
    const answer = await send(ctx.emulator.url, {
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools',
      },
      body: `${tooLarge('{"MaxResults": 1, "pad": "')}"}`,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(answer.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
    expect(JSON.parse(answer.body)).toMatchObject({ __type: 'RequestEntityTooLargeException' });
  });

  it('awsQuery: a body too large for a request signed for STS is XML in STS namespace', async () => {
    const answer = await send(ctx.emulator.url, {
      headers: { 'content-type': form, 'x-amz-date': '20260101T000000Z', authorization: authorization('sts') },
      body: tooLarge('Action=GetCallerIdentity&Version=2011-06-15&Pad='),
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain(`<ErrorResponse xmlns="${stsNamespace}">`);
    expect(answer.body).toContain('<Code>RequestEntityTooLargeException</Code>');
  });

  it(
    'awsQuery: a body too large for an unsigned request is in the namespace of STS, ' +
      'the one service serving actions unsigned',
    async () => {
      const answer = await send(ctx.emulator.url, {
        headers: { 'content-type': form },
        body: tooLarge('Action=AssumeRoleWithWebIdentity&Version=2011-06-15&Pad='),
      });
      expect(answer.status).toBe(413);
      expect(answer.body).toContain(`<ErrorResponse xmlns="${stsNamespace}">`);
    },
  );

  it('awsQuery: a body too large for a request signed for IAM is XML in IAM namespace', async () => {
    const answer = await send(ctx.emulator.url, {
      headers: { 'content-type': form, 'x-amz-date': '20260101T000000Z', authorization: authorization('iam') },
      body: tooLarge('Action=ListRoles&Version=2010-05-08&Pad='),
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain(`<ErrorResponse xmlns="${iamNamespace}">`);
  });

  it('restJson1: a body too large is restJson', async () => {
    const answer = await send(ctx.emulator.url, {
      path: '/2015-03-31/functions',
      headers: {
        'content-type': 'application/json',
        'x-amz-date': '20260101T000000Z',
        authorization: authorization('lambda'),
      },
      body: tooLarge('{"FunctionName": "'),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
    expect(JSON.parse(answer.body)).toMatchObject({ message: expect.stringContaining(String(bodyLimit)) });
  });

  it('awsQuery: an unreadable signature on an STS action answers in STS namespace', async () => {
    const answer = await send(ctx.emulator.url, {
      headers: { 'content-type': form, authorization: 'AWS4-HMAC-SHA256 garbage' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body).toContain(`<ErrorResponse xmlns="${stsNamespace}">`);
  });

  it('awsQuery: an unsigned IAM action answers MissingAuthenticationToken in IAM namespace', async () => {
    const answer = await send(ctx.emulator.url, {
      headers: { 'content-type': form },
      body: 'Action=ListRoles&Version=2010-05-08',
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain(`<ErrorResponse xmlns="${iamNamespace}">`);
    expect(answer.body).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('awsJson1_1: an unreadable signature is a JSON error', async () => {
    const answer = await send(ctx.emulator.url, {
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools',
        authorization: 'AWS4-HMAC-SHA256 garbage',
      },
      body: '{"MaxResults": 1}',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
    expect(JSON.parse(answer.body)).toMatchObject({ __type: 'IncompleteSignatureException' });
  });
});
