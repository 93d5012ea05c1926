import { isValidHeaderValue } from './gateway-responses.js';

/** The HTTP answer a Lambda proxy response asks for. */
export interface ProxyHttpResponse {
  status: number;
  headers: Record<string, string>;
  repeatedHeaders: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The members a REST proxy response may have; any other one makes it malformed. */
const members = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Reads a function's answer as the REST proxy integration does (recorded in test_apigateway_lambda.py::
 * test_aws_proxy_response_payload_format_validation): a JSON object of only `statusCode` (an integer, or a string
 * of digits; absent means 200), `headers`, `multiValueHeaders` (lists only), `body` (a string) and
 * `isBase64Encoded`; a value `true` in `headers` is sent as `true`. A name in both header maps is sent with the
 * multi-value ones first, then the single one, under the multi-value map's spelling. Anything else is malformed:
 * undefined, which API Gateway answers 502 — so are header names and values HTTP cannot carry (CR, LF, …).
 * Numbers as header values are taken as text [unverified].
 */
export function parseProxyResponse(payload: Uint8Array): ProxyHttpResponse | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || Object.keys(parsed).some((key) => !members.has(key))) return undefined;
  const { statusCode, body, headers, multiValueHeaders, isBase64Encoded } = parsed;
  const status = typeof statusCode === 'string' && /^\d+$/.test(statusCode) ? Number(statusCode) : (statusCode ?? 200);
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return undefined;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  if (isBase64Encoded !== undefined && isBase64Encoded !== null && typeof isBase64Encoded !== 'boolean')
    return undefined;

  const single: Record<string, string> = {};
  const repeated: Record<string, string[]> = {};
  const valid = (name: string, value: string) => headerName.test(name) && isValidHeaderValue(value);
  if (headers !== undefined && headers !== null) {
    if (!isRecord(headers)) return undefined;
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) continue;
      if (!isScalar(value) || !valid(name, String(value))) return undefined;
      single[name] = String(value);
    }
  }
  if (multiValueHeaders !== undefined && multiValueHeaders !== null) {
    if (!isRecord(multiValueHeaders)) return undefined;
    for (const [name, values] of Object.entries(multiValueHeaders)) {
      if (values === null) continue;
      if (!Array.isArray(values) || !values.every((value) => isScalar(value) && valid(name, String(value))))
        return undefined;
      const merged = values.map(String);
      for (const existing of Object.keys(single)) {
        if (existing.toLowerCase() !== name.toLowerCase()) continue;
        merged.push(single[existing] as string);
        delete single[existing];
      }
      repeated[name] = merged;
    }
  }
  return {
    status,
    headers: single,
    repeatedHeaders: repeated,
    body: typeof body === 'string' ? body : '',
    isBase64Encoded: isBase64Encoded === true,
  };
}
