import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { packageRoot } from '../package-root.js';

/** examples/hello zipped for Lambda, with fixed timestamps so the same code always has the same CodeSha256. */
export function helloFunctionZip(): Uint8Array {
  const directory = `${packageRoot}/examples/hello`;
  const mtime = new Date('2020-01-01T00:00:00Z');
  return zipSync({
    'index.js': [readFileSync(`${directory}/index.js`), { mtime }],
    'package.json': [readFileSync(`${directory}/package.json`), { mtime }],
  });
}
