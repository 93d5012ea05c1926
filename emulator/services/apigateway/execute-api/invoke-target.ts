import type { IncomingRequest } from '../../../protocols/wire.js';

/** Where an execute-api request goes: which API and stage, and the path below the stage. */
export interface InvokeTarget {
  apiId: string;
  /** Empty when the URL names no stage. */
  stageName: string;
  /** The path below the stage as sent (still percent-encoded), `/` for the stage root. */
  rawPath: string;
  form: 'host' | 'path';
}

const executeApiHost = /^([a-z0-9]+)\.execute-api\./i;
const userRequestPrefix = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/;

function hostOf(request: IncomingRequest): string {
  return request.headers.get('host')?.[0] ?? '';
}

/** The API id of a `<api-id>.execute-api.<anything>` Host header (`abc123defg.execute-api.localhost:4566`). */
export function executeApiHostId(request: IncomingRequest): string | undefined {
  return executeApiHost.exec(hostOf(request))?.[1]?.toLowerCase();
}

export function isUserRequestPath(path: string): boolean {
  return userRequestPrefix.test(path);
}

/**
 * Both URL forms LocalStack serves: `http://<api-id>.execute-api.localhost:<port>/<stage>/<path>` (by Host header,
 * so a client may connect to 127.0.0.1) and `http://127.0.0.1:<port>/restapis/<api-id>/<stage>/_user_request_/<path>`.
 */
export function invokeTargetOf(request: IncomingRequest): InvokeTarget | undefined {
  const hostId = executeApiHostId(request);
  if (hostId !== undefined) {
    const slash = request.path.indexOf('/', 1);
    const stageName = slash === -1 ? request.path.slice(1) : request.path.slice(1, slash);
    return { apiId: hostId, stageName, rawPath: slash === -1 ? '/' : request.path.slice(slash), form: 'host' };
  }
  const match = userRequestPrefix.exec(request.path);
  if (!match) return undefined;
  return { apiId: match[1] as string, stageName: match[2] as string, rawPath: match[3] ?? '/', form: 'path' };
}

export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The decoded segments below the stage. A trailing slash is ignored (`/dev/hello/` is `/hello`) [unverified]; the
 * stage root has none.
 */
export function pathSegments(rawPath: string): string[] {
  const trimmed = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  return trimmed === '/' ? [] : trimmed.slice(1).split('/').map(decodePathSegment);
}
