/** The HTTP answer a Lambda proxy response asks for. */
export interface ProxyHttpResponse {
  status: number;
  headers: Record<string, string>;
  repeatedHeaders: Record<string, string[]>;
  body: Uint8Array | string;
}

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a function's answer as the REST proxy integration does: a JSON object with an integer `statusCode`, an
 * optional string `body` (base64 when `isBase64Encoded`), `headers` and `multiValueHeaders` (merged, the
 * multi-value ones winning for a name in both). Anything else is malformed: undefined, answered 502.
 * Header values that are numbers or booleans are taken as text [unverified].
 */
export function parseProxyResponse(payload: Uint8Array): ProxyHttpResponse | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const { statusCode, body, headers, multiValueHeaders, isBase64Encoded } = parsed;
  const status = typeof statusCode === 'string' && /^\d+$/.test(statusCode) ? Number(statusCode) : statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return undefined;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  if (isBase64Encoded !== undefined && isBase64Encoded !== null && typeof isBase64Encoded !== 'boolean') return undefined;

  const single: Record<string, string> = {};
  const repeated: Record<string, string[]> = {};
  if (headers !== undefined && headers !== null) {
    if (!isRecord(headers)) return undefined;
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) continue;
      if (!isScalar(value)) return undefined;
      single[name] = String(value);
    }
  }
  if (multiValueHeaders !== undefined && multiValueHeaders !== null) {
    if (!isRecord(multiValueHeaders)) return undefined;
    for (const [name, values] of Object.entries(multiValueHeaders)) {
      if (values === null) continue;
      if (!Array.isArray(values) || !values.every(isScalar)) return undefined;
      for (const existing of Object.keys(single)) if (existing.toLowerCase() === name.toLowerCase()) delete single[existing];
      repeated[name] = values.map(String);
    }
  }
  const text = typeof body === 'string' ? body : '';
  return { status, headers: single, repeatedHeaders: repeated, body: isBase64Encoded === true ? Buffer.from(text, 'base64') : text };
}
