import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../package-root.js';

type ZipEntryKind = 'file' | 'directory' | 'symlink';

interface ZipEntry {
  name: string;
  kind: ZipEntryKind;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local file header. */
  localHeaderOffset: number;
  /** Unix permission bits, when the zip recorded them. */
  mode: number | undefined;
}

export interface ZipDirectorySummary {
  count: number;
  /** The sum of the sizes the entries declare. */
  unzippedBytes: number;
}

interface ZipDirectoryModule {
  readZipDirectory(zip: Uint8Array, maxEntries: number, onEntry?: (entry: ZipEntry) => void): ZipDirectorySummary;
  UnreadableZipError: new (reason: string) => Error;
  TooManyZipEntriesError: new (entryCount: number) => Error & { entryCount: number };
}

/**
 * The central directory reader, runtime/zip-directory.mjs: plain JavaScript shared with the extraction worker
 * thread, found from the sources and from dist/ alike (like bootstrap.mjs).
 */
const zipDirectoryPath = join(packageRoot, 'emulator', 'services', 'lambda', 'runtime', 'zip-directory.mjs');

const reader = (await import(pathToFileURL(zipDirectoryPath).href)) as ZipDirectoryModule;

export const { readZipDirectory, TooManyZipEntriesError } = reader;
