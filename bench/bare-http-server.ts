import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/**
 * The bare node:http server of bench/bare-http.ts, alone in its process with nothing else loaded:
 * `node dist/bench/bare-http-server.js` prints `ready at <url>` and listens on 127.0.0.1 only. It reads each
 * request's body and answers with the canned answer (a fresh request id, one write); a PUT to `answerPath` sets it.
 */
export const answerPath = '/__bare-http/answer';

export interface CannedAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

function serve(): void {
  let canned: CannedAnswer = { status: 200, headers: {}, body: '' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'PUT' && req.url === answerPath) {
        canned = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CannedAnswer;
        res.writeHead(204).end();
        return;
      }
      const headers: Record<string, string | string[]> = { ...canned.headers, 'x-amzn-requestid': randomUUID() };
      headers['content-length'] = String(Buffer.byteLength(canned.body));
      res.writeHead(canned.status, headers);
      res.end(canned.body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') process.stdout.write(`ready at http://127.0.0.1:${address.port}\n`);
  });
  process.once('SIGTERM', () => process.exit(0));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) serve();
