import aws4 from 'aws4';
import type { OperationModel, ServiceModel, ShapeRef } from '../../emulator/protocols/service-model.js';
import { shapeOf } from '../../emulator/protocols/service-model.js';
import type { ServiceDefinition } from '../../emulator/services/service-definition.js';
import type { Random } from './model-values.js';

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

function formEntries(value: unknown, prefix: string, entries: [string, string][]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      formEntries(item, `${prefix}.member.${index + 1}`, entries);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) formEntries(item, prefix ? `${prefix}.${key}` : key, entries);
  } else if (value !== undefined) {
    entries.push([prefix, value === null ? '' : String(value)]);
  }
}

/** The operation's request on the wire for an input in JSON form (possibly broken), as its protocol sends it. */
export function wireRequest(
  service: ServiceDefinition,
  operation: OperationModel,
  input: Record<string, unknown>,
): WireRequest {
  const model = service.model;
  switch (service.protocol) {
    case 'awsJson1_1':
      return {
        method: 'POST',
        path: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `${model.metadata.targetPrefix}.${operation.name}`,
        },
        body: JSON.stringify(input),
      };
    case 'awsQuery': {
      const entries: [string, string][] = [
        ['Action', operation.name],
        ['Version', model.metadata.apiVersion],
      ];
      formEntries(input, '', entries);
      return {
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(entries).toString(),
      };
    }
    case 'restJson1':
      return restRequest(model, operation, input);
  }
}

function restRequest(model: ServiceModel, operation: OperationModel, input: Record<string, unknown>): WireRequest {
  const [template, fixedQuery] = operation.http.requestUri.split('?') as [string, string | undefined];
  const query = new URLSearchParams(fixedQuery ?? '');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const body: Record<string, unknown> = {};
  const shape = operation.input ? shapeOf(model, operation.input) : undefined;
  const labels: Record<string, string> = {};
  if (shape?.type === 'structure') {
    for (const [name, value] of Object.entries(input)) {
      const member: ShapeRef | undefined = shape.members[name];
      const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
      if (!member) body[name] = value;
      else if (member.location === 'uri') labels[member.locationName ?? name] = text;
      else if (member.location === 'querystring') query.append(member.locationName ?? name, text);
      else if (member.location === 'header')
        headers[(member.locationName ?? name).toLowerCase()] = text.replace(/[^\x20-\x7e]/g, '?');
      else body[member.locationName ?? name] = value;
    }
  }
  const path = template.replace(/\{([^}+]+)\+?\}/g, (_, label: string) =>
    encodeURIComponent(labels[label] ?? 'missing'),
  );
  const search = query.toString();
  return {
    method: operation.http.method,
    path: search ? `${path}?${search}` : path,
    headers,
    body: JSON.stringify(body),
  };
}

export const protocolMutations = [
  'brokenBody',
  'wrongContentType',
  'hugeBody',
  'duplicateHeaders',
  'garbageAuthorization',
  'badDate',
  'oddPath',
  'emptyBody',
  'binaryBody',
] as const;
export type ProtocolMutation = (typeof protocolMutations)[number];

const oddPaths = [
  '/..',
  '//',
  '/%00',
  '/%ZZ',
  '/restapis/%ZZ/resources',
  `/${'a'.repeat(8000)}`,
  '/2015-03-31/functions/%2e%2e/invocations',
  '/restapis/abc/stages/../../x',
  '/_idpool/nothing',
];

/** Breaks the request at the protocol level (body, headers, path), as a misbehaving client might. */
export function breakRequest(
  request: WireRequest,
  mutation: ProtocolMutation,
  random: Random,
  hugeBytes: number,
): WireRequest {
  const broken: WireRequest = { ...request, headers: { ...request.headers } };
  // A new body gets its own Content-Length from Node's client; the signed one would frame it wrongly.
  if (['brokenBody', 'hugeBody', 'emptyBody', 'binaryBody'].includes(mutation)) {
    for (const name of Object.keys(broken.headers))
      if (name.toLowerCase() === 'content-length') delete broken.headers[name];
  }
  switch (mutation) {
    case 'brokenBody':
      broken.body = random.pick([
        '{"unterminated": ',
        'Action=&&==%ZZ&',
        '<xml><not-json/>',
        '[1,2,3]',
        '"just a string"',
        'null',
        '{"a":1}{"b":2}',
      ]);
      break;
    case 'wrongContentType':
      broken.headers['content-type'] = random.pick([
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        '',
        'application/x-amz-json-1.1; charset=utf-16',
      ]);
      break;
    case 'hugeBody':
      broken.body = Buffer.alloc(hugeBytes + 1 + random.int(1000), 0x61);
      break;
    case 'duplicateHeaders':
      for (const name of Object.keys(broken.headers)) {
        // Node's client refuses to send two Host or Content-Length headers; everything else goes twice.
        if (!['host', 'content-length'].includes(name.toLowerCase()))
          broken.headers[name] = [String(broken.headers[name]), 'AWSCognitoIdentityService.Duplicate'];
      }
      break;
    case 'garbageAuthorization':
      broken.headers.authorization = random.pick([
        'AWS4-HMAC-SHA256',
        'Bearer abc',
        'AWS4-HMAC-SHA256 Credential=x',
        'AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=, Signature=',
        '\u00ff\u00fe',
      ]);
      broken.headers['x-amz-date'] = '20260101T000000Z';
      break;
    case 'badDate':
      broken.headers['x-amz-date'] = random.pick(['yesterday', '2026-01-01', '99999999T999999Z', '']);
      break;
    case 'oddPath':
      broken.path = random.pick(oddPaths);
      break;
    case 'emptyBody':
      broken.body = '';
      break;
    case 'binaryBody':
      broken.body = Buffer.from(Array.from({ length: 64 }, () => random.int(256)));
      break;
  }
  return broken;
}

/** Signs with the root keys (unless the request already carries an Authorization), as a real client would. */
export function sign(request: WireRequest, host: string, service: ServiceDefinition, region: string): WireRequest {
  if (request.headers.authorization !== undefined) return request;
  try {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([, value]) => !Array.isArray(value)),
    ) as Record<string, string>;
    const signed = aws4.sign(
      {
        host,
        method: request.method,
        path: request.path,
        service: service.signingName,
        region,
        headers,
        body: request.body,
      },
      { accessKeyId: 'test', secretAccessKey: 'test' },
    );
    return { ...request, headers: { ...request.headers, ...(signed.headers as Record<string, string>) } };
  } catch {
    return request;
  }
}
