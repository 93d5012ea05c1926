import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceivedRequest } from '../../emulator/auth/sigv4.js';

const vectorRoot = new URL('../fixtures/aws-sig-v4-test-suite/', import.meta.url).pathname;
export const vectorCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

export interface SigV4Vector {
  name: string;
  dir: string;
  request: ReceivedRequest;
  requestText: string;
  canonicalRequest: string;
  stringToSign: string;
  authorization: string;
}

/** Every case folder of the official suite (31 with normalize-path's and post-sts-token's sub-cases). */
export function loadVectors(root = vectorRoot): SigV4Vector[] {
  const vectors: SigV4Vector[] = [];
  for (const entry of readdirSync(root).sort()) {
    const dir = join(root, entry);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir);
    const req = files.find((file) => file.endsWith('.req'));
    if (req) {
      const base = join(dir, req.slice(0, -4));
      const requestText = readFileSync(`${base}.req`, 'utf8');
      vectors.push({
        name: entry,
        dir,
        request: parseRequestText(requestText),
        requestText,
        canonicalRequest: readFileSync(`${base}.creq`, 'utf8'),
        stringToSign: readFileSync(`${base}.sts`, 'utf8'),
        authorization: readFileSync(`${base}.authz`, 'utf8'),
      });
    }
    vectors.push(...loadVectors(dir).map((vector) => ({ ...vector, name: `${entry}/${vector.name}` })));
  }
  return vectors;
}

/** Parses a `.req` file: request line, headers (continuation lines folded into the previous value), body. */
function parseRequestText(text: string): ReceivedRequest {
  const [head, ...bodyParts] = text.split('\n\n');
  const lines = (head as string).split('\n');
  const requestLine = lines.shift() as string;
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' '));
  const queryStart = target.indexOf('?');
  const headers = new Map<string, string[]>();
  let last: string[] | undefined;
  for (const line of lines) {
    if (/^\s/.test(line) && last) {
      last[last.length - 1] += `\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    last = headers.get(name) ?? [];
    last.push(line.slice(colon + 1).trim());
    headers.set(name, last);
  }
  return {
    method,
    path: queryStart === -1 ? target : target.slice(0, queryStart),
    query: queryStart === -1 ? '' : target.slice(queryStart + 1),
    headers,
    body: Buffer.from(bodyParts.join('\n\n')),
  };
}
