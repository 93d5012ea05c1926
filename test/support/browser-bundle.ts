import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Message } from 'esbuild';
import { packageRoot } from '../../emulator/package-root.js';

export interface BrowserBundle {
  code: string;
  errors: Message[];
  warnings: Message[];
  /** Every file the bundle took, relative to where esbuild ran. */
  inputs: string[];
}

/**
 * Bundles `entry` for the browser with esbuild as an app would: `idpool/...` imports resolve through the built
 * package's `exports` (a node_modules/idpool link to this repository, built: call builtCli() first), nothing marked
 * external.
 */
export async function bundleForBrowser(entry: { file: string } | { contents: string }): Promise<BrowserBundle> {
  const modules = join(mkdtempSync(join(tmpdir(), 'idpool-bundle-')), 'node_modules');
  mkdirSync(modules);
  symlinkSync(packageRoot, join(modules, 'idpool'));
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: modules, loader: 'ts' } }),
    nodePaths: [modules],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  }).catch((error: { errors?: Message[]; warnings?: Message[] }) => ({
    errors: error.errors ?? [],
    warnings: error.warnings ?? [],
    outputFiles: [],
    metafile: { inputs: {} },
  }));
  return {
    code: result.outputFiles?.[0]?.text ?? '',
    errors: result.errors,
    warnings: result.warnings,
    inputs: Object.keys(result.metafile?.inputs ?? {}),
  };
}
