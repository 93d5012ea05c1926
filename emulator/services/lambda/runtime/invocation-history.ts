import type { FunctionKey } from '../../../store/lambda-store.js';
import type { ErrorPayload } from './invocation-errors.js';

/** One invocation as the console shows it (`time` epoch ms on the emulator clock). */
export interface InvocationRecord {
  requestId: string;
  /** The request that caused it: the Invoke call, or the execute-api request of an AWS_PROXY integration. */
  triggeredBy?: string;
  time: number;
  durationMs: number;
  status: 'ok' | 'error' | 'timeout';
  errorType?: string;
  errorMessage?: string;
  /** The invocation's log (platform lines included), its last 4 KB. */
  logs: string;
}

const perFunction = 50;
const maxFunctions = 1000;
const logBytes = 4096;

function keyOf(key: FunctionKey): string {
  return `${key.accountId}/${key.region}/${key.name}`;
}

/** The last 4 KB of a log, cut at a line start where one is near. */
function lastBytes(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  if (bytes.byteLength <= logBytes) return log;
  const tail = bytes.subarray(bytes.byteLength - logBytes).toString('utf8');
  const newline = tail.indexOf('\n');
  return newline !== -1 && newline < 200 ? tail.slice(newline + 1) : tail;
}

/** Session tokens as STS (and idpool) issue them: they start with the encoded `IQoJb3JpZ2luX2Vj` prefix. */
const sessionTokens = /IQoJb3JpZ2luX2Vj[A-Za-z0-9+/=]+/g;
/** A secret access key's shape: 40 base64 characters standing alone. */
const secretKeys = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g;

/**
 * A log without the credentials a function printed (its own from `process.env`, or any it was given): the console
 * shows no secret key or session token, whoever wrote it. Anything shaped like a secret key goes too.
 */
function redacted(log: string): string {
  return log.replace(sessionTokens, '<redacted session token>').replace(secretKeys, '<redacted secret>');
}

function errorOf(body: string): ErrorPayload | undefined {
  try {
    const payload = JSON.parse(body) as Partial<ErrorPayload>;
    return { errorType: String(payload.errorType ?? 'Error'), errorMessage: String(payload.errorMessage ?? '') };
  } catch {
    return undefined;
  }
}

/** The last 50 invocations of each function, in memory only (a restart or reset forgets them). */
export class InvocationHistory {
  private readonly byFunction = new Map<string, InvocationRecord[]>();

  record(
    key: FunctionKey,
    call: { requestId: string; triggeredBy?: string },
    result: { ok: boolean; body: string; timedOut: boolean; durationMs: number },
    time: number,
    log: () => string,
  ): void {
    const id = keyOf(key);
    let records = this.byFunction.get(id);
    if (!records) {
      if (this.byFunction.size >= maxFunctions) this.byFunction.delete(this.byFunction.keys().next().value as string);
      this.byFunction.set(id, (records = []));
    }
    const error = result.ok ? undefined : errorOf(result.body);
    let logs: string | undefined;
    records.unshift({
      requestId: call.requestId,
      triggeredBy: call.triggeredBy,
      time,
      durationMs: Math.round(result.durationMs * 1000) / 1000,
      status: result.timedOut ? 'timeout' : result.ok ? 'ok' : 'error',
      errorType: error?.errorType,
      errorMessage: error?.errorMessage === undefined ? undefined : redacted(error.errorMessage),
      // Built on first read (the console's), not on every invocation.
      get logs() {
        logs ??= lastBytes(redacted(log()));
        return logs;
      },
    });
    if (records.length > perFunction) records.length = perFunction;
  }

  /** The function's invocations, newest first. */
  of(key: FunctionKey): readonly InvocationRecord[] {
    return this.byFunction.get(keyOf(key)) ?? [];
  }

  /** The failed invocation a request caused, with its function's name. */
  failureCausedBy(requestId: string): { functionName: string; invocation: InvocationRecord } | undefined {
    for (const [id, records] of this.byFunction) {
      const invocation = records.find((record) => record.triggeredBy === requestId && record.status !== 'ok');
      if (invocation) return { functionName: id.slice(id.lastIndexOf('/') + 1), invocation };
    }
    return undefined;
  }

  clear(): void {
    this.byFunction.clear();
  }
}
