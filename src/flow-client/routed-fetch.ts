import { request } from 'node:http';

/**
 * A `fetch` that connects every request to one address while sending the URL's own host in the Host header, the
 * way a local emulator serves `http://<api-id>.execute-api.localhost:<port>/…` without any DNS for that name.
 * Plain HTTP only (emulators); the body is read whole.
 */
export function routedFetch(address: { hostname: string; port: number }): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    headers.set('host', url.host);
    const body = typeof init?.body === 'string' ? init.body : init?.body == null ? undefined : String(init.body);
    if (body !== undefined) headers.set('content-length', String(Buffer.byteLength(body)));
    const method = init?.method ?? 'GET';
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        { hostname: address.hostname, port: address.port, method, path: `${url.pathname}${url.search}`, headers: Object.fromEntries(headers) },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const responseHeaders = new Headers();
            for (let index = 0; index < incoming.rawHeaders.length; index += 2) responseHeaders.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
            const status = incoming.statusCode ?? 502;
            const noBody = method === 'HEAD' || status === 204 || status === 304;
            resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders }));
          });
        },
      );
      outgoing.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      init?.signal?.addEventListener('abort', () => outgoing.destroy(new Error('aborted')));
      outgoing.end(body);
    });
  };
}
