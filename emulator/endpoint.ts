import type { IncomingRequest, WireResponse } from './protocols/wire.js';

/**
 * One thing the emulator's single port serves: the admin routes, the OpenID documents, execute-api, or a protocol's
 * services. The server asks each in order; the first that claims a request answers it, errors included.
 */
export interface Endpoint {
  name: string;
  claims(request: IncomingRequest): boolean;
  serve(request: IncomingRequest): Promise<WireResponse>;
}
