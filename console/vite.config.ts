import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The emulator serves the built console at /_idpool/console/ from dist/console (CONSOLE-API.md).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/_idpool/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // One small script and one stylesheet: nothing to gain from a preload helper or source maps in the package.
    modulePreload: false,
    sourcemap: false,
    reportCompressedSize: true,
  },
  // `npx vite -c console/vite.config.ts` during development: the API comes from an emulator on IDPOOL_URL.
  server: { proxy: { '/_idpool/console/api': process.env.IDPOOL_URL ?? 'http://127.0.0.1:4566' } },
});
