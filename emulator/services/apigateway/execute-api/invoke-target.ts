import type { IncomingRequest } from '../../../protocols/wire.js';
import { belowFirstSegment, canonicalPath, percentDecode, type CanonicalPath } from './canonical-path.js';

/** Where an execute-api request goes: which API and stage, and the path below the stage. */
export interface InvokeTarget {
  apiId: string;
  /** Empty when the URL names no stage. */
  stageName: string;
  /** The path below the stage in its one canonical form. */
  path: CanonicalPath;
  /** The path below the stage exactly as sent (`''` for the stage root), which `requestContext.path` shows. */
  rawPath: string;
  form: 'host' | 'path';
}

// Host names are case-insensitive (RFC 9110 4.2.3): `ABC.EXECUTE-API.localhost` is the same host.
const executeApiHost = /^([A-Za-z0-9]+)\.execute-api\./i;
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
 * In the host form the whole path is made canonical before the stage is read from it: `//dev/x` is stage `dev`
 * (recorded), and so is `/x/../dev/y`.
 */
export function invokeTargetOf(request: IncomingRequest): InvokeTarget | undefined {
  const hostId = executeApiHostId(request);
  if (hostId !== undefined) {
    const full = canonicalPath(request.path);
    const afterSlashes = request.path.replace(/^\/+/, '');
    const slash = afterSlashes.indexOf('/');
    return {
      apiId: hostId,
      stageName: full.segments[0]?.value ?? '',
      path: belowFirstSegment(full),
      rawPath: slash === -1 ? '' : afterSlashes.slice(slash),
      form: 'host',
    };
  }
  const match = userRequestPrefix.exec(request.path);
  if (!match) return undefined;
  const below = match[3] ?? '';
  return {
    apiId: match[1] as string,
    stageName: percentDecode(match[2] as string),
    path: canonicalPath(below),
    rawPath: below,
    form: 'path',
  };
}
