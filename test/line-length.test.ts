import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../emulator/package-root.js';

const maxLength = 120;
const folders = ['emulator', 'src', 'contracts', 'test', 'bench', 'console', 'examples'];
/** Data, not code: the botocore models and the recorded fixtures keep their origin's lines. */
const skipped = new Set(['emulator/models', 'test/fixtures', 'node_modules', 'dist']);
const code = /\.(ts|tsx|mts|js|mjs)$/;
/** A URL cannot be broken, so a line holding one may run long. */
const url = /https?:\/\//;

function* codeFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(join(packageRoot, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (skipped.has(path) || skipped.has(entry.name)) continue;
    if (entry.isDirectory()) yield* codeFiles(path);
    else if (code.test(entry.name)) yield path;
  }
}

describe('the code', () => {
  it(`keeps its lines within ${maxLength} characters (what Biome's formatter cannot break, too)`, () => {
    const long: string[] = [];
    for (const folder of folders) {
      for (const path of codeFiles(folder)) {
        const lines = readFileSync(join(packageRoot, path), 'utf8').split('\n');
        lines.forEach((line, index) => {
          if (line.length > maxLength && !url.test(line)) long.push(`${path}:${index + 1} (${line.length})`);
        });
      }
    }
    expect(long).toEqual([]);
  });
});
