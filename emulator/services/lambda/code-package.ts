import { createHash } from 'node:crypto';
import { lambdaErrors } from './errors.js';
import { readZipDirectory, TooManyZipEntriesError, type ZipDirectorySummary } from './zip-directory.js';

/** A deployment package as Lambda describes it: the zip, its base64 SHA-256 and its size. */
export interface CodePackage {
  zip: Uint8Array;
  sha256: string;
  size: number;
}

/** Lambda's limit on a package's unzipped size (250 MB). */
export const maxUnzippedBytes = 262_144_000;

/**
 * [unverified] Lambda documents no limit on a package's number of entries; idpool extracts at most this many
 * (a package of Node.js modules rarely holds more than a few tens of thousands of files).
 */
export const maxZipEntries = 100_000;

/** Reads the package's central directory (without inflating anything), refused as Lambda refuses it. */
function checkPackageDirectory(zip: Uint8Array): ZipDirectorySummary {
  let directory: ZipDirectorySummary;
  try {
    directory = readZipDirectory(zip, maxZipEntries);
  } catch (error) {
    if (error instanceof TooManyZipEntriesError) {
      throw lambdaErrors.tooManyZipEntries(maxZipEntries, error.entryCount);
    }
    throw lambdaErrors.unreadableZip();
  }
  if (directory.unzippedBytes > maxUnzippedBytes) throw lambdaErrors.unzippedTooLarge(maxUnzippedBytes);
  return directory;
}

/**
 * Checks that `zip` is a readable zip within Lambda's limits from its central directory alone, without inflating
 * or extracting anything (that happens off the event loop when a worker first needs the code).
 */
export function readCodePackage(zip: Uint8Array): CodePackage {
  checkPackageDirectory(zip);
  return { zip, sha256: createHash('sha256').update(zip).digest('base64'), size: zip.byteLength };
}
