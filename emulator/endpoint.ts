import type { WireProtocol } from './errors.js';
import type { IncomingRequest, WireResponse } from './protocols/wire.js';

/**
 * One thing the emulator's single port serves: the admin routes, the OpenID documents, execute-api, or a protocol's
 * services. The server asks each in order; the first that claims a request answers it, errors included.
 */
export interface Endpoint {
  name: string;
  /** The wire protocol of the AWS services it serves: a request it claims has its errors written in it. */
  protocol?: WireProtocol;
  /** Decides from the method, path and headers alone: the body is read only after an endpoint claimed the request. */
  claims(request: IncomingRequest): boolean;
  serve(request: IncomingRequest): Promise<WireResponse>;
}
