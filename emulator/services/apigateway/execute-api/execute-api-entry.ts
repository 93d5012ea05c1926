import type { Endpoint } from '../../../endpoint.js';
import type { EmulatorRuntime } from '../../../runtime.js';
import type { ExecuteApiOptions } from './execute-api-endpoint.js';
import { executeApiHostId, isUserRequestPath } from './invoke-target.js';

/**
 * The execute-api endpoint as the server lists it: it claims from the Host header and the path at once, and loads
 * the data plane (routing, authorization, Lambda proxy) on its first request, so the emulator starts without it.
 */
export function executeApiEndpoint(runtime: EmulatorRuntime, options: ExecuteApiOptions): Endpoint {
  let endpoint: Promise<Endpoint> | undefined;
  return {
    name: 'execute-api',
    claims: (request) => executeApiHostId(request) !== undefined || isUserRequestPath(request.path),
    serve: async (request) => {
      endpoint ??= import('./execute-api-endpoint.js').then((loaded) => loaded.executeApiEndpoint(runtime, options));
      return (await endpoint).serve(request);
    },
  };
}
