export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * What came back from one request, as JSON: an SDK output (without `$metadata`; Dates as ISO strings, blobs as
 * base64) or an HTTP response body, or the error that came back instead.
 */
export type Outcome = ResponseOutcome | ErrorOutcome;

export interface ResponseOutcome {
  kind: 'response';
  status: number | undefined;
  body: JsonValue;
  /** Lower-cased response headers, for raw HTTP calls (execute-api). */
  headers?: Record<string, string>;
}

export interface ErrorOutcome {
  kind: 'error';
  /** The SDK error name (AWS error code), `x-amzn-ErrorType` for execute-api, or a network error's code. */
  code: string;
  status: number | undefined;
  message: string;
  /** The `x-amzn-ErrorType` header, when there was one. */
  errorType?: string;
  body?: JsonValue;
  headers?: Record<string, string>;
}

/** SDK output or any value → plain JSON (Dates become ISO strings, byte arrays base64, undefined members vanish). */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const result: Record<string, JsonValue> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined && key !== '$metadata') result[key] = toJson(member);
    }
    return result;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string> };
}

/** An SDK call's result or rejection as an Outcome. */
export async function sdkOutcome(send: Promise<object>): Promise<Outcome> {
  try {
    const output = (await send) as { $metadata?: { httpStatusCode?: number } };
    return { kind: 'response', status: output.$metadata?.httpStatusCode, body: toJson(output) };
  } catch (caught) {
    return sdkErrorOutcome(caught);
  }
}

export function sdkErrorOutcome(caught: unknown): ErrorOutcome {
  const error = (caught ?? {}) as SdkErrorLike & { cause?: { code?: string } };
  const headers = error.$response?.headers;
  const errorType = headers?.['x-amzn-errortype'];
  const networkCode = error.code ?? error.cause?.code;
  return {
    kind: 'error',
    code: error.name && error.name !== 'Error' ? error.name : (networkCode ?? 'Error'),
    status: error.$metadata?.httpStatusCode ?? error.$response?.statusCode,
    message: error.message ?? String(caught),
    ...(errorType ? { errorType: errorType.split(':')[0] } : {}),
  };
}

/** An HTTP response as an Outcome: 4xx/5xx become errors coded by `x-amzn-ErrorType` (else `HTTP <status>`). */
export async function httpOutcome(response: Response): Promise<Outcome> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text();
  let body: JsonValue = text;
  try {
    body = text === '' ? '' : (JSON.parse(text) as JsonValue);
  } catch {
    body = text;
  }
  if (response.status < 400) return { kind: 'response', status: response.status, body, headers };
  const errorType = headers['x-amzn-errortype']?.split(':')[0];
  const message =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body.message ?? body.Message) : body;
  return {
    kind: 'error',
    code: errorType ?? `HTTP ${response.status}`,
    status: response.status,
    message: typeof message === 'string' ? message : JSON.stringify(message ?? ''),
    ...(errorType ? { errorType } : {}),
    body,
    headers,
  };
}

/** A request that never got an HTTP answer (refused connection, DNS, timeout). */
export function networkErrorOutcome(caught: unknown): ErrorOutcome {
  const error = caught as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  return {
    kind: 'error',
    code: error.cause?.code ?? error.name ?? 'NetworkError',
    status: undefined,
    message: error.cause?.message ?? error.message ?? String(caught),
  };
}
