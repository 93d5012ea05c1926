import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { InvalidParameterValueException } from './errors.js';

/** A deployment package as Lambda describes it: the zip, its base64 SHA-256 and its size. */
export interface CodePackage {
  zip: Uint8Array;
  sha256: string;
  size: number;
}

/** Lambda's limit on a package's unzipped size (250 MB). */
export const maxUnzippedBytes = 262_144_000;

/** Checks that `zip` is a readable zip within Lambda's unzipped size limit, without extracting it. */
export function readCodePackage(zip: Uint8Array): CodePackage {
  let unzippedBytes = 0;
  try {
    unzipSync(zip, {
      filter: (file) => {
        unzippedBytes += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new InvalidParameterValueException('Could not unzip uploaded file. Please check your file, then try to upload again.');
  }
  if (unzippedBytes > maxUnzippedBytes) throw new InvalidParameterValueException(`Unzipped size must be smaller than ${maxUnzippedBytes} bytes`);
  return { zip, sha256: createHash('sha256').update(zip).digest('base64'), size: zip.byteLength };
}
