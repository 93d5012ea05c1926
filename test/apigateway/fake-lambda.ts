import { randomUUID } from 'node:crypto';
import type { RunningEmulator } from '../../emulator/testing.js';
import type { IncomingRequest } from '../../emulator/protocols/wire.js';
import { newRequestContext } from '../../emulator/request-context.js';
import type {
  InvokePermissionRequest,
  LambdaInvocation,
  LambdaInvocationResult,
  LambdaInvoker,
} from '../../emulator/services/lambda/lambda-invoker.js';
import { signRequest, type Credentials, type RawRequest } from '../support/execute-api.js';

/** A LambdaInvoker that records what execute-api asks and answers what the test says. */
export class FakeLambda implements LambdaInvoker {
  readonly invocations: {
    accountId: string;
    region: string;
    invocation: LambdaInvocation;
    event: Record<string, unknown>;
  }[] = [];
  readonly permissionChecks: { accountId: string; region: string; request: InvokePermissionRequest }[] = [];
  permits = true;
  answer: (event: Record<string, unknown>) => Promise<LambdaInvocationResult> | LambdaInvocationResult = () =>
    FakeLambda.returning({ statusCode: 200, body: 'ok' });

  static returning(response: unknown): LambdaInvocationResult {
    return { statusCode: 200, payload: Buffer.from(JSON.stringify(response)), executedVersion: '$LATEST' };
  }

  permitsInvoke(accountId: string, region: string, request: InvokePermissionRequest): boolean {
    this.permissionChecks.push({ accountId, region, request });
    return this.permits;
  }

  async invoke(accountId: string, region: string, invocation: LambdaInvocation): Promise<LambdaInvocationResult> {
    const event = JSON.parse(Buffer.from(invocation.payload).toString('utf8')) as Record<string, unknown>;
    this.invocations.push({ accountId, region, invocation, event });
    return this.answer(event);
  }

  get lastEvent(): Record<string, unknown> {
    return this.invocations.at(-1)?.event as Record<string, unknown>;
  }
}

/** The request the server would hand to an endpoint, from a raw request (signed when credentials are given). */
export function incomingRequest(
  emulator: RunningEmulator,
  raw: RawRequest & { host: string },
  credentials?: Credentials,
): IncomingRequest {
  const request = credentials ? signRequest(raw, credentials) : { ...raw, headers: raw.headers ?? {} };
  const lines: [string, string][] = [['Host', raw.host], ...Object.entries(request.headers)];
  if (raw.body !== undefined) lines.push(['Content-Length', String(Buffer.byteLength(raw.body))]);
  const headers = new Map<string, string[]>();
  for (const [name, value] of lines)
    headers.set(name.toLowerCase(), [...(headers.get(name.toLowerCase()) ?? []), value]);
  const queryStart = raw.path.indexOf('?');
  const requestId = randomUUID();
  const receivedAt = emulator.runtime.clock.now();
  const context = newRequestContext({ requestId, receivedAt, sourceIp: '127.0.0.1', userAgent: '' }, emulator);
  return {
    method: raw.method ?? 'GET',
    path: queryStart === -1 ? raw.path : raw.path.slice(0, queryStart),
    query: queryStart === -1 ? '' : raw.path.slice(queryStart + 1),
    headers,
    rawHeaders: lines.flat(),
    body: Buffer.from(raw.body ?? ''),
    requestId,
    sourceIp: '127.0.0.1',
    receivedAt,
    context,
  };
}
