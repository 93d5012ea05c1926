import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';

type Connect = Pick<RequestOptions, 'hostname' | 'port' | 'lookup'>;

/** One request with node:http(s), connecting as `connect` says, the URL's host in the Host header; body read whole. */
function nodeFetch(connect: (url: URL) => Connect): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    headers.set('host', url.host);
    const body = typeof init?.body === 'string' ? init.body : init?.body == null ? undefined : String(init.body);
    if (body !== undefined) headers.set('content-length', String(Buffer.byteLength(body)));
    const method = init?.method ?? 'GET';
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = send(
        { ...connect(url), method, path: `${url.pathname}${url.search}`, headers: Object.fromEntries(headers) },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const responseHeaders = new Headers();
            for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
              responseHeaders.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
            }
            const status = incoming.statusCode ?? 502;
            const noBody = method === 'HEAD' || status === 204 || status === 304;
            resolve(
              new Response(noBody ? null : Buffer.concat(chunks), {
                status,
                statusText: incoming.statusMessage ?? '',
                headers: responseHeaders,
              }),
            );
          });
        },
      );
      outgoing.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      init?.signal?.addEventListener('abort', () => outgoing.destroy(new Error('aborted')));
      outgoing.end(body);
    });
  };
}

const defaultPort = (url: URL): number => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

/**
 * A `fetch` that connects every request to one address while sending the URL's own host in the Host header, the
 * way a local emulator serves `http://<api-id>.execute-api.localhost:<port>/…` without any DNS for that name.
 */
export function routedFetch(address: { hostname: string; port: number }): typeof fetch {
  return nodeFetch(() => ({ hostname: address.hostname, port: address.port }));
}

/** `*.localhost` names are loopback (RFC 6761 §6.3): resolve them as `localhost` itself. */
const isLocalhostName = (hostname: string): boolean => /(^|\.)localhost\.?$/i.test(hostname);

const localhostLookup: LookupFunction = (_hostname, options, callback) => dnsLookup('localhost', options, callback);

const localhostNodeFetch = nodeFetch((url) => ({
  hostname: url.hostname,
  port: defaultPort(url),
  lookup: localhostLookup,
}));

/**
 * Node's fetch, except that `<anything>.localhost` reaches loopback: Node (and many systems' resolvers) do not
 * resolve those names, while browsers and curl do, and emulators serve `<api-id>.execute-api.localhost:<port>`.
 */
export const localhostFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return isLocalhostName(url.hostname) && url.hostname.toLowerCase() !== 'localhost'
    ? localhostNodeFetch(input, init)
    : fetch(input, init);
};
