import aws4 from 'aws4';
import { beforeAll, describe, expect, it } from 'vitest';
import { rootCredentials, useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction } from '../support/lambda-functions.js';

/** Lambda's restJson1 as it travels: aws4-signed requests, plain fetch, every header and byte checked. */
describe('Lambda on the wire', () => {
  const ctx = useEmulator({ strictAuth: true });

  beforeAll(async () => {
    const role = await createLambdaRole(ctx.clients, 'wire-role');
    await deployFunction(ctx.clients, role, 'wired', {
      'index.mjs':
        'export const handler = async (event) => { console.log("got", event.name); ' +
        'if (event.fail) throw new Error("asked to fail"); return { hello: event.name }; };',
    });
  });

  async function signedFetch(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const url = new URL(ctx.emulator.url);
    const signed = aws4.sign(
      {
        host: url.host,
        method,
        path,
        body,
        headers: { 'content-type': 'application/json', ...headers },
        service: 'lambda',
        region: ctx.emulator.region,
      },
      rootCredentials,
    );
    return fetch(`${ctx.emulator.url}${path}`, { method, headers: signed.headers as Record<string, string>, body });
  }

  it('answers a signed Invoke with the payload, the executed version and the log tail', async () => {
    const response = await signedFetch('POST', '/2015-03-31/functions/wired/invocations', '{"name":"wire"}', {
      'X-Amz-Log-Type': 'Tail',
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-amzn-requestid') as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-amz-executed-version')).toBe('$LATEST');
    expect(response.headers.get('x-amz-function-error')).toBeNull();
    const log = Buffer.from(response.headers.get('x-amz-log-result') as string, 'base64').toString('utf8');
    expect(log).toContain(`START RequestId: ${requestId} Version: $LATEST`);
    expect(log).toContain(`\t${requestId}\tINFO\tgot wire\n`);
    expect(await response.text()).toBe('{"hello":"wire"}');
  });

  it('marks a failed function with X-Amz-Function-Error: Unhandled and the error payload, still 200', async () => {
    const response = await signedFetch('POST', '/2015-03-31/functions/wired/invocations', '{"fail":true}');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    const body = (await response.json()) as { errorType: string; errorMessage: string; trace: string[] };
    expect(body.errorType).toBe('Error');
    expect(body.errorMessage).toBe('asked to fail');
    expect(body.trace[0]).toBe('Error: asked to fail');
  });

  it('answers an Event invocation with 202 and no body', async () => {
    const response = await signedFetch('POST', '/2015-03-31/functions/wired/invocations', '{"name":"later"}', {
      'X-Amz-Invocation-Type': 'Event',
    });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
  });

  it('answers an unknown function with Lambda\'s error body: "Type":"User" and "Message"', async () => {
    const response = await signedFetch(
      'POST',
      `/2015-03-31/functions/${encodeURIComponent(`${ctx.emulator.accountId}:function:absent`)}/invocations`,
      '{}',
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    // Invoke names the version it looked for
    // (recorded: test_function_name_and_qualifier_validation[function_name_too_long-invoke]).
    expect(await response.json()).toEqual({
      Type: 'User',
      Message:
        `Function not found: arn:aws:lambda:${ctx.emulator.region}:${ctx.emulator.accountId}:` +
        'function:absent:$LATEST',
    });
  });

  it('answers a conflict with "Type":"User" and "message"', async () => {
    const response = await signedFetch(
      'POST',
      '/2015-03-31/functions/wired/policy',
      JSON.stringify({ StatementId: 'dup', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      Statement: JSON.stringify({
        Sid: 'dup',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: `arn:aws:lambda:${ctx.emulator.region}:${ctx.emulator.accountId}:function:wired`,
      }),
    });
    const again = await signedFetch(
      'POST',
      '/2015-03-31/functions/wired/policy',
      JSON.stringify({ StatementId: 'dup', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }),
    );
    expect(again.status).toBe(409);
    expect(again.headers.get('x-amzn-errortype')).toBe('ResourceConflictException');
    expect(await again.json()).toEqual({
      Type: 'User',
      message:
        'The statement id (dup) provided already exists. ' +
        'Please provide a new statement id, or remove the existing statement.',
    });
  });
});
