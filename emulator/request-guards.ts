import type { EmulatorConfig } from './config.js';
import { AwsError } from './errors.js';
import type { IncomingRequest, WireResponse } from './protocols/wire.js';

/**
 * What the emulator checks on every request before any endpoint sees it, because it runs on laptops next to a
 * browser: the Host (DNS rebinding) and the web Origin (cross-site requests), as LocalStack's CORS enforcer does
 * (localstack/aws/handlers/cors.py: an Origin, else the Referer's origin, must be allowed; none at all is a
 * non-browser client and passes). execute-api answers with its API's own CORS configuration instead.
 */

const localOriginNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Host header name without port, lower case, or undefined when it is not a host at all. */
function hostNameOf(header: string): string | undefined {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end === -1 || !/^(:\d*)?$/.test(value.slice(end + 1))) return undefined;
    return value.slice(0, end + 1);
  }
  const colon = value.lastIndexOf(':');
  if (colon !== -1 && !/^\d*$/.test(value.slice(colon + 1))) return undefined;
  const name = (colon === -1 ? value : value.slice(0, colon)).replace(/\.$/, '');
  return /^[a-z0-9_.-]+$/.test(name) ? name : undefined;
}

function isLoopbackName(name: string): boolean {
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    name === '[::1]' ||
    name === '[0:0:0:0:0:0:0:1]' ||
    /^\[::ffff:127(\.\d{1,3}){3}\]$/.test(name)
  );
}

/** Whether `--host` is a loopback interface (only this machine can connect, but its browser can be rebound). */
function listensOnLoopback(host: string): boolean {
  const name = host.toLowerCase();
  return isLoopbackName(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
}

function matchesHostList(name: string, list: string[]): boolean {
  return list.some(
    (entry) => entry === '*' || entry === name || (entry.startsWith('*.') && name.endsWith(entry.slice(1))),
  );
}

/** Refused for its Host: a DNS-rebound page, or a name the user did not allow. */
class ForbiddenHost extends AwsError {
  constructor(host: string, listen: string) {
    super(
      'AccessDeniedException',
      `idpool refuses requests for Host '${host.slice(0, 200)}' (DNS rebinding protection): ` +
        `listening on ${listen}, it answers loopback names and addresses, *.localhost ` +
        'and <api-id>.execute-api.* hosts. ' +
        'Start it with --allowed-hosts <name>[,<name>…] to answer another name.',
      403,
      { wire: { awsQuery: { code: 'AccessDenied' } } },
    );
  }
}

/** HTTP/1.1 forbids a second Host header (RFC 9112 §3.2: answer 400). */
class DuplicateHost extends AwsError {
  constructor() {
    super('InvalidRequest', 'The request has more than one Host header.', 400);
  }
}

/** Refused for its web Origin: a page on another site. */
class ForbiddenOrigin extends AwsError {
  constructor(origin: string) {
    super(
      'AccessDeniedException',
      `idpool refuses requests from the web origin '${origin.slice(0, 200)}': only local development origins ` +
        '(http or https on localhost, 127.0.0.1, [::1] or *.localhost, any port) may call it from a browser. ' +
        'Start it with --cors-allowed-origins <origin>[,<origin>…] (or *) to allow others.',
      403,
      { wire: { awsQuery: { code: 'AccessDenied' } } },
    );
  }
}

/** The Host refusal, if any. Checked on loopback always, elsewhere only when `--allowed-hosts` names hosts. */
export function hostRefusal(config: EmulatorConfig, request: IncomingRequest): AwsError | undefined {
  const values = request.headers.get('host');
  if (values !== undefined && values.length > 1) return new DuplicateHost();
  const loopback = listensOnLoopback(config.host);
  if (!loopback && config.allowedHosts.length === 0) return undefined;
  // HTTP/1.0 clients may send no Host; a browser always does.
  if (values === undefined) return undefined;
  const header = values[0] as string;
  const name = hostNameOf(header);
  if (name !== undefined) {
    if (isLoopbackName(name) || /^[a-z0-9]+\.execute-api\./.test(name)) return undefined;
    if (matchesHostList(name, config.allowedHosts)) return undefined;
    if (name === config.host.toLowerCase() || name === `[${config.host.toLowerCase()}]`) return undefined;
  }
  return new ForbiddenHost(header, config.host);
}

/** The web origin a browser request comes from: its Origin, else its Referer's origin; undefined for other clients. */
export function requestOrigins(request: IncomingRequest): string[] {
  const origins = request.headers.get('origin');
  if (origins !== undefined) return origins.map((origin) => origin.trim().toLowerCase());
  const referer = request.headers.get('referer')?.[0];
  if (referer === undefined || referer.trim() === '') return [];
  try {
    return [new URL(referer).origin];
  } catch {
    return ['null'];
  }
}

/** Local development origins, any port, http or https; plus `--cors-allowed-origins`. An opaque `null` never. */
function originAllowed(config: EmulatorConfig, origin: string): boolean {
  if (config.corsAllowedOrigins.includes('*')) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null') return false;
  const local = localOriginNames.has(url.hostname) || url.hostname.endsWith('.localhost');
  if (local && (url.protocol === 'http:' || url.protocol === 'https:')) return true;
  return config.corsAllowedOrigins.includes(url.origin);
}

export function originRefusal(config: EmulatorConfig, request: IncomingRequest): AwsError | undefined {
  const refused = requestOrigins(request).find((origin) => !originAllowed(config, origin));
  return refused === undefined ? undefined : new ForbiddenOrigin(refused);
}

const exposedHeaders = 'x-amzn-requestid,x-amzn-errortype,x-amz-function-error,x-amz-log-result,x-amz-executed-version';
const allowedMethods = 'GET,HEAD,POST,PUT,DELETE,PATCH,OPTIONS';

/** CORS headers for a response to an allowed browser origin; none without an Origin (LocalStack answers likewise). */
export function corsHeaders(request: IncomingRequest): Record<string, string> {
  const origin = request.headers.get('origin')?.[0]?.trim();
  if (origin === undefined) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': exposedHeaders, vary: 'Origin' };
}

/** The answer to a preflight of an allowed origin: the methods, and the requested headers that are header names. */
export function preflightResponse(request: IncomingRequest): WireResponse {
  const requested = (request.headers.get('access-control-request-headers') ?? [])
    .flatMap((value) => value.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter((name) => /^[a-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(name))
    .slice(0, 100);
  const headers: Record<string, string> = {
    'access-control-allow-methods': allowedMethods,
    'access-control-max-age': '600',
  };
  if (requested.length > 0) headers['access-control-allow-headers'] = [...new Set(requested)].join(',');
  return { status: 200, headers, body: '' };
}
