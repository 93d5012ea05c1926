import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { packageRoot } from '../../package-root.js';
import type { WireResponse } from '../../protocols/wire.js';
import { consoleHeaders, consoleJson } from './console-http.js';

/** Where `npm run build` puts the console (Vite). */
const consoleRoot = resolve(join(packageRoot, 'dist', 'console'));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file under dist/console, or undefined when the path names none (or leaves the folder). */
async function fileUnder(root: string, relative: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const path = resolve(root, `.${sep}${decoded}`);
  if (!path.startsWith(root + sep)) return undefined;
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

async function fileResponse(path: string, cache: string): Promise<WireResponse> {
  const type = contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const body = await readFile(path);
  return { status: 200, headers: { ...consoleHeaders, 'content-type': type, 'cache-control': cache }, body };
}

/**
 * The console's files: `assets/<file>` (hashed names: cached), any other file Vite wrote, and index.html for every
 * other path (the single-page app's own routes). Nothing outside dist/console is ever read.
 */
export async function serveStatic(relative: string, root = consoleRoot): Promise<WireResponse> {
  const file = relative === '' ? undefined : await fileUnder(root, relative);
  if (file) {
    const hashed = relative.startsWith('assets/');
    return fileResponse(file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
  if (relative.startsWith('assets/') || relative.split('/').includes('..')) {
    return consoleJson(404, { message: `The console has no file ${relative.slice(0, 200)}` });
  }
  const index = await fileUnder(root, 'index.html');
  if (!index) return consoleJson(503, { message: 'the console was not built: run npm run build' });
  return fileResponse(index, 'no-cache');
}
