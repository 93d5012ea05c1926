import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../emulator/package-root.js';

export { packageRoot };

export const packageVersion = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;
