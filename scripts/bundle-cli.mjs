#!/usr/bin/env node
// Bundles the CLI that `tsc` built (dist/src/cli/main.js) into dist/cli/: the `idpool` bin. Node resolves, reads and
// compiles each ES module file on its own: `idpool serve` loaded ~150 files, most of its start-up time (issue 14).
// The bundle keeps the lazy loading (each command and each service a chunk of its own, loaded by the dynamic import
// that loaded its module) and leaves every package in node_modules as it is: idpool's own code only.
// The code finds its files from the package root (emulator/package-root.ts), wherever it is bundled.
// Usage: node scripts/bundle-cli.mjs (part of `npm run build`, after tsc).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // V8 keeps each module's source text for as long as it runs, as two bytes a character when a single one is not
  // ASCII: 197 kB of code took 394 kB of memory for one `…` in a comment. esbuild escapes strings; comments below.
  charset: 'ascii',
});

// What is still not ASCII is in comments (esbuild escaped the rest): written as \u escapes, which read the same there.
for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(
    /[^\x00-\x7f]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (ascii !== text) writeFileSync(file, ascii);
}
