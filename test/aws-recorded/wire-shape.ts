import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { MiddlewareStack } from '@smithy/types';

/**
 * The recordings are boto3 answers as LocalStack's snapshots keep them: the parsed output with a
 * `ResponseMetadata: {HTTPHeaders: {}, HTTPStatusCode}` member, or for an error botocore's dict
 * (`{"Error": {"Code", "Message"[, "Type"]}, <modeled members of the error shape>, "ResponseMetadata"}`). This module
 * turns SDK v3 answers into that form: outputs from the SDK's parsed result, errors from the raw response (the SDK
 * keeps neither the body's exact members nor the query protocol's `<Type>`), parsed the way botocore parses them.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The raw body of the last error answer a client received (calls of one scenario run one at a time). */
export class ErrorCapture {
  last: RawResponse | undefined;

  attach(stack: MiddlewareStack<object, object>): void {
    stack.add(
      (next) => async (args) => {
        const result = await next(args);
        const response = result.response as { statusCode: number; headers: Record<string, string>; body: unknown };
        if (response.statusCode >= 300) {
          const chunks: Buffer[] = [];
          for await (const chunk of response.body as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
          const body = Buffer.concat(chunks);
          this.last = {
            status: response.statusCode,
            headers: lowerCased(response.headers),
            body: body.toString('utf8'),
          };
          response.body = Readable.from([body]);
        }
        return result;
      },
      { step: 'deserialize', priority: 'low', name: 'replayErrorCapture' },
    );
  }
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}

interface ModelShape {
  type: string;
  members?: Record<string, { shape: string; location?: string; locationName?: string }>;
  error?: { code?: string };
}

const models = new Map<string, Record<string, ModelShape>>();

function modelShapes(service: string): Record<string, ModelShape> {
  let shapes = models.get(service);
  if (!shapes) {
    const file = new URL(`../../emulator/models/${service}.json`, import.meta.url);
    shapes = (JSON.parse(readFileSync(file, 'utf8')) as { shapes: Record<string, ModelShape> }).shapes;
    models.set(service, shapes);
  }
  return shapes;
}

function errorShape(service: string, code: string): ModelShape | undefined {
  const shapes = modelShapes(service);
  const byName = shapes[code];
  if (byName?.error !== undefined || (byName && (byName as { exception?: boolean }).exception)) return byName;
  return Object.values(shapes).find((shape) => shape.error?.code === code);
}

function jsonBody(text: string): Record<string, Json> {
  if (text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as Json;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function xmlText(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** botocore's error dict for a restJson1 answer (Lambda, API Gateway). */
function restJsonError(service: string, raw: RawResponse): Record<string, Json> {
  const body = jsonBody(raw.body);
  let code =
    raw.headers['x-amzn-errortype'] ??
    (body.code as string | undefined) ??
    (body.Code as string | undefined) ??
    (body.__type as string | undefined) ??
    String(raw.status);
  code = code.split(':', 1)[0].split('#').at(-1) as string;
  const message = 'message' in body ? body.message : 'Message' in body ? body.Message : '';
  const result: Record<string, Json> = { Error: { Code: code, Message: message } };
  const shape = errorShape(service, code);
  for (const [name, member] of Object.entries(shape?.members ?? {})) {
    if (member.location === 'header') {
      const value = raw.headers[(member.locationName ?? name).toLowerCase()];
      if (value !== undefined) result[name] = value;
    } else if (name in body) {
      result[name] = body[name];
    }
  }
  return result;
}

/** botocore's error dict for an awsQuery answer (IAM, STS): the children of `<Error>`. */
function queryError(raw: RawResponse): Record<string, Json> {
  const error: Record<string, Json> = {};
  const element = /<Error>([\s\S]*?)<\/Error>/.exec(raw.body)?.[1] ?? '';
  for (const match of element.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g)) error[match[1]] = xmlText(match[2]);
  for (const match of element.matchAll(/<(\w+)\s*\/>/g)) error[match[1]] = '';
  return { Error: error };
}

export type Protocol = 'restJson' | 'query';

export function errorAnswer(service: string, protocol: Protocol, raw: RawResponse): Record<string, Json> {
  const parsed = protocol === 'query' ? queryError(raw) : restJsonError(service, raw);
  return { ...parsed, ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: raw.status } };
}

/** IAM's policy members botocore URL-decodes and parses (`json_decode_policies`, shape `policyDocumentType`). */
const iamPolicyMembers = new Set(['AssumeRolePolicyDocument', 'PolicyDocument', 'Document']);

function plain(value: unknown, service: string, key: string | undefined): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) value = Buffer.from(value).toString('utf8');
  if (typeof value === 'string') {
    if (key === undefined) return value;
    if (service === 'iam' && iamPolicyMembers.has(key)) return JSON.parse(decodeURIComponent(value)) as Json;
    return parseableText(value);
  }
  if (Array.isArray(value)) return value.map((item) => plain(item, service, undefined) ?? null);
  const result: Record<string, Json> = {};
  for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
    if (name === '$metadata') continue;
    const converted = plain(member, service, name);
    if (converted !== undefined) result[name] = converted;
  }
  return result;
}

/** LocalStack's snapshots show a member's string holding a JSON object (a policy, a payload) parsed. */
function parseableText(text: string): Json {
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as Json;
    } catch {
      return text;
    }
  }
  return text;
}

/** A successful SDK v3 output as boto3 shows it. */
export function outputAnswer(
  service: string,
  output: { $metadata?: { httpStatusCode?: number } },
): Record<string, Json> {
  const converted = plain(output, service, undefined) as Record<string, Json>;
  // SDK v3 leaves an empty streaming payload (Invoke's, answered 202 or 204) null where boto3 reads ''.
  if (service === 'lambda' && (output as { Payload?: unknown }).Payload === null) converted.Payload = '';
  return { ...converted, ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: output.$metadata?.httpStatusCode ?? 0 } };
}
