import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Someone cloning the repository has no ../shared: what the code and contracts cite must be in the repository.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|md)$/.test(name) ? [path] : [];
  });
}

describe('citations', () => {
  it('name only files in the repository', () => {
    const citing = ['emulator', 'src', 'contracts', 'docs']
      .flatMap(sourceFiles)
      .filter((file) => readFileSync(file, 'utf8').includes('../shared/'));
    expect(citing).toEqual([]);
  });

  it('of the AWS behaviour reference point at docs/aws-behaviour.md, which exists', () => {
    expect(statSync('docs/aws-behaviour.md').isFile()).toBe(true);
  });
});
