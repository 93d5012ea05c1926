import type { IncomingRequest, WireResponse } from '../../protocols/wire.js';
import type { EmulatorRuntime } from '../../runtime.js';
import { listApis, describeApi } from './apis-api.js';
import { ConsoleError, consoleJson } from './console-http.js';
import { describeFunction, listFunctions } from './functions-api.js';
import { overview } from './overview-api.js';
import { describeIdentity, describePool, listIdentities, listPools } from './pools-api.js';
import { describeRequest, listRequests, streamRequests } from './requests-api.js';
import { describeRole, listRoles } from './roles-api.js';
import { listRuns, receiveRun } from './runs-api.js';
import { serveStatic } from './static-files.js';
import { consolePath } from './console-path.js';

function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ConsoleError(400, 'The path is not valid percent-encoding');
  }
}

/** The JSON API (`api/…`), GET except `POST api/runs`. */
function serveApi(runtime: EmulatorRuntime, request: IncomingRequest, route: string): WireResponse {
  const query = new URLSearchParams(request.query);
  const parts = route.split('/').map(segment);
  const [area, id, sub] = parts;
  if (request.method === 'POST' && route === 'runs') return consoleJson(200, receiveRun(runtime, request));
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return consoleJson(405, { message: `The console API answers GET (and POST runs), not ${request.method}` });
  }
  if (parts.length > 3 || (sub !== undefined && !(area === 'pools' && sub === 'identities'))) {
    throw new ConsoleError(404, `No console API route ${route.slice(0, 200)}`);
  }
  const found = (body: object) => consoleJson(200, body);
  switch (id === undefined ? area : `${area}/:id${sub === undefined ? '' : `/${sub}`}`) {
    case 'overview':
      return found(overview(runtime));
    case 'pools':
      return found(listPools(runtime, query));
    case 'pools/:id':
      return found(describePool(runtime, id as string));
    case 'pools/:id/identities':
      return found(listIdentities(runtime, id as string, query));
    case 'identities/:id':
      return found(describeIdentity(runtime, id as string));
    case 'roles':
      return found(listRoles(runtime, query));
    case 'roles/:id':
      return found(describeRole(runtime, id as string));
    case 'apis':
      return found(listApis(runtime));
    case 'apis/:id':
      return found(describeApi(runtime, id as string));
    case 'functions':
      return found(listFunctions(runtime));
    case 'functions/:id':
      return found(describeFunction(runtime, id as string));
    case 'requests':
      return found(listRequests(runtime, query));
    case 'requests/:id':
      return id === 'stream' ? streamRequests(runtime) : found(describeRequest(runtime, id as string));
    case 'runs':
      return found(listRuns(runtime));
    default:
      throw new ConsoleError(404, `No console API route ${route.slice(0, 200)}`);
  }
}

/**
 * `/_idpool/console`: the single-page app from dist/console and its JSON API under `api/` (CONSOLE-API.md). The
 * admin endpoint has already refused what it refuses on every admin route (foreign pages, unsigned under
 * --strict-auth).
 */
export async function serveConsole(runtime: EmulatorRuntime, request: IncomingRequest): Promise<WireResponse> {
  const route = request.path.slice(consolePath.length + 1);
  try {
    if (route === 'api' || route.startsWith('api/')) return serveApi(runtime, request, route.slice(4));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return consoleJson(405, { message: `The console's pages answer GET, not ${request.method}` });
    }
    return await serveStatic(route);
  } catch (error) {
    if (error instanceof ConsoleError) return consoleJson(error.status, { message: error.message });
    throw error;
  }
}
