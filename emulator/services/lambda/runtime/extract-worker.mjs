// Extracts a function's deployment package in a worker thread, off the emulator's event loop. Plain JavaScript
// on purpose: code-folders.ts starts this file as it is, from the sources (vitest) and from dist/ alike.
//
// workerData: {zip: Uint8Array, dir, maxEntries, maxUnzippedBytes}; the entries come from the central directory
// (zip-directory.mjs), checked against the limits of an upload again (a zip imported with the state was never
// uploaded). Posts {skipped: string[]} once done, or {error}.
//
// Nothing lands outside `dir`: names are taken apart into segments and any `..` refuses the entry; files and
// directories are written before any symbolic link exists, so no write goes through one; a link is made only
// when its target stays inside `dir`, and unmade if, all links made, it resolves outside.
import { mkdirSync, realpathSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Inflate } from 'fflate';
import { readZipDirectory } from './zip-directory.mjs';

const localHeaderSignature = 0x04034b50;
/** Deflate expands at most ~1032:1, so a slice of this size inflates to at most ~16 MB at once. */
const pushBytes = 16 * 1024;

const { zip, maxEntries, maxUnzippedBytes } = workerData;
const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
const dir = realpathSync(workerData.dir);

function unreadable(reason) {
  const error = new Error(reason);
  error.name = 'UnreadableZipError';
  return error;
}

/** The entry's path inside `dir` (leading slashes and `.` segments dropped), or undefined when it would leave it. */
function safeRelative(name) {
  if (name.includes('\0')) return undefined;
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return undefined;
  return segments.join('/');
}

function inside(resolved) {
  return resolved === dir || resolved.startsWith(`${dir}${path.sep}`);
}

function entryData(method, compressedSize, size, offset) {
  if (offset + 30 > zip.byteLength || view.getUint32(offset, true) !== localHeaderSignature)
    throw unreadable('bad local header');
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (start + compressedSize > zip.byteLength) throw unreadable('entry data beyond the end of the file');
  const compressed = zip.subarray(start, start + compressedSize);
  if (method === 0) {
    if (compressedSize !== size) throw unreadable('stored entry of the wrong size');
    return compressed;
  }
  const out = new Uint8Array(size);
  let written = 0;
  let tooLong = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > size) tooLong = true;
    else out.set(chunk, written);
    written += chunk.length;
  });
  for (let at = 0; at < compressed.length && !tooLong; at += pushBytes) {
    inflater.push(compressed.subarray(at, at + pushBytes), at + pushBytes >= compressed.length);
  }
  if (compressed.length === 0) inflater.push(compressed, true);
  if (tooLong || written !== size) throw unreadable('entry inflates to another size than declared');
  return out;
}

function fileMode(mode) {
  return mode !== undefined && (mode & 0o111) !== 0 ? 0o755 : 0o644;
}

function extract() {
  const skipped = [];
  const links = [];
  const entries = [];
  const { unzippedBytes } = readZipDirectory(zip, maxEntries, (entry) => entries.push(entry));
  if (unzippedBytes > maxUnzippedBytes) throw unreadable(`unzipped size over ${maxUnzippedBytes} bytes`);
  for (const { name, kind, method, compressedSize, size, localHeaderOffset: offset, mode } of entries) {
    const relative = safeRelative(name);
    if (relative === undefined) {
      skipped.push(name);
      continue;
    }
    const target = path.join(dir, relative);
    if (kind === 'directory') {
      try {
        mkdirSync(target, { recursive: true, mode: 0o755 });
      } catch {
        skipped.push(name);
      }
    } else if (kind === 'symlink') {
      links.push({ name, relative, target, data: entryData(method, compressedSize, size, offset) });
    } else {
      const data = entryData(method, compressedSize, size, offset);
      try {
        mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
        writeFileSync(target, data, { mode: fileMode(mode) });
      } catch {
        skipped.push(name); // a file where the package also has a folder of that name, and the like
      }
    }
  }
  const made = [];
  for (const link of links) {
    const linkTarget = Buffer.from(link.data).toString('utf8');
    const parent = path.dirname(link.target);
    const lexical = path.resolve(parent, linkTarget);
    let placed = false;
    try {
      mkdirSync(parent, { recursive: true, mode: 0o755 });
      if (
        !linkTarget.includes('\0') &&
        !path.isAbsolute(linkTarget) &&
        inside(lexical) &&
        realpathSync(parent) === parent
      ) {
        symlinkSync(linkTarget, link.target);
        made.push(link);
        placed = true;
      }
    } catch {
      placed = false;
    }
    if (!placed) skipped.push(link.name);
  }
  for (const link of made) {
    let resolved;
    try {
      resolved = realpathSync(link.target);
    } catch {
      resolved = undefined;
    }
    if (resolved === undefined || !inside(resolved)) {
      unlinkSync(link.target);
      skipped.push(link.name);
    }
  }
  return skipped;
}

try {
  parentPort.postMessage({ skipped: extract() });
} catch (error) {
  parentPort.postMessage({ error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
}
