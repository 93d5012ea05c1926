import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding idpool's package.json, found the same way from sources (tsx/vitest) and from dist/. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'idpool')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('idpool: cannot find the package root (package.json named idpool)');
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();
