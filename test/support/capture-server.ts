import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest } from '../../emulator/auth/sigv4.js';

/**
 * A plain HTTP server that records every request exactly as it arrived (raw headers, path, body) and answers
 * 500, so that clients that sign requests (aws4, the SDK, botocore) can be captured and their signatures verified.
 */
export async function startCaptureServer(): Promise<{
  url: string;
  captured: ReceivedRequest[];
  stop(): Promise<void>;
}> {
  const captured: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const queryStart = url.indexOf('?');
      const headers = new Map<string, string[]>();
      for (let index = 0; index < req.rawHeaders.length; index += 2) {
        const name = (req.rawHeaders[index] as string).toLowerCase();
        headers.set(name, [...(headers.get(name) ?? []), req.rawHeaders[index + 1] as string]);
      }
      captured.push({
        method: req.method ?? 'GET',
        path: queryStart === -1 ? url : url.slice(0, queryStart),
        query: queryStart === -1 ? '' : url.slice(queryStart + 1),
        headers,
        body: Buffer.concat(chunks),
      });
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"__type":"InternalFailure","message":"captured"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    captured,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
