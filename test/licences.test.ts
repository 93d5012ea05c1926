import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../emulator/package-root.js';

const permissive = /^(MIT|ISC|Apache-2\.0|BSD-2-Clause|BSD-3-Clause|0BSD|BlueOak-1\.0\.0|CC0-1\.0|Unlicense)$/;

/** An SPDX expression is permissive when it is a permissive licence, or an OR of choices offering one. */
function isPermissive(license: string): boolean {
  return license
    .replace(/[()]/g, '')
    .split(/\s+OR\s+/)
    .some((choice) => permissive.test(choice.trim()));
}

describe('licences', () => {
  it('every package idpool ships with (the production dependency tree) is permissively licensed', () => {
    const tree = JSON.parse(
      execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], {
        cwd: packageRoot,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as Tree;
    const licences = new Map<string, string>();
    const walk = (node: Tree) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        if (licences.has(name)) continue;
        const manifest = JSON.parse(readFileSync(join(packageRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
          license?: string;
        };
        licences.set(name, manifest.license ?? 'UNKNOWN');
        walk(child);
      }
    };
    walk(tree);
    expect(licences.size).toBeGreaterThan(20);
    const offending = [...licences].filter(([, license]) => !isPermissive(license));
    expect(offending).toEqual([]);
    expect(licences.has('@cloud-copilot/iam-simulate')).toBe(false);
  });
});

interface Tree {
  dependencies?: Record<string, Tree>;
}
