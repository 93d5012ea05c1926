#!/usr/bin/env node
// Bundles the CLI that `tsc` built (dist/src/cli/main.js) into dist/cli/: the `idpool` bin. Node resolves, reads and
// compiles each ES module file on its own: `idpool serve` loaded ~150 files, most of its start-up time (issue 14).
// The bundle keeps the lazy loading (each command and each service a chunk of its own, loaded by the dynamic import
// that loaded its module) and leaves every package in node_modules as it is: idpool's own code only.
// The code finds its files from the package root (emulator/package-root.ts), wherever it is bundled.
// Usage: node scripts/bundle-cli.mjs (part of `npm run build`, after tsc).
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist', 'src', 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
