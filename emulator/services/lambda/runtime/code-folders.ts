import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../../package-root.js';
import type { FunctionKey } from '../../../store/lambda-store.js';
import { maxUnzippedBytes, maxZipEntries } from '../code-package.js';
import { InvalidZipFileException } from '../errors.js';

interface CodeFolder {
  dir: string;
  functionId: string;
  sha256: string;
  users: number;
  obsolete: boolean;
  /** Settles once the package is extracted. */
  ready: Promise<void>;
}

/** Plain JavaScript outside the TypeScript build (like bootstrap.mjs), found from the sources and dist/ alike. */
const extractWorkerPath = join(packageRoot, 'emulator', 'services', 'lambda', 'runtime', 'extract-worker.mjs');

function functionIdOf(key: FunctionKey): string {
  return `${key.accountId}-${key.region}-${key.name}`;
}

/**
 * The unzipped code of each function code version, in its own folder under the emulator's private temp folder
 * (Lambda's /var/task). A folder is extracted on first use, in a worker thread so that no other client waits for
 * it, and removed once its code is replaced or its function deleted and no worker runs in it any more.
 */
export class CodeFolders {
  private readonly folders = new Map<string, CodeFolder>();
  private readonly extracting = new Set<Worker>();

  constructor(
    private readonly root: () => string,
    private readonly loadZip: (sha256: string) => Uint8Array | undefined,
    private readonly onSkipped: (key: FunctionKey, names: string[]) => void = () => {},
  ) {}

  /** The folder of this code version, extracted if needed; call `release` when the worker using it is gone. */
  async acquire(key: FunctionKey, sha256: string): Promise<string> {
    const functionId = functionIdOf(key);
    const id = `${functionId}-${Buffer.from(sha256, 'base64').toString('hex').slice(0, 16)}`;
    let folder = this.folders.get(id);
    if (!folder) {
      const zip = this.loadZip(sha256);
      if (!zip) throw new Error(`the deployment package ${sha256} of ${key.name} is missing from the store`);
      const dir = join(this.root(), 'code', id);
      const ready = this.extract(zip, dir).then((skipped) => {
        if (skipped.length > 0) this.onSkipped(key, skipped);
      });
      folder = { dir, functionId, sha256, users: 0, obsolete: false, ready };
      this.folders.set(id, folder);
    }
    folder.users++;
    try {
      await folder.ready;
    } catch (error) {
      this.release(folder.dir);
      if (this.folders.get(id) === folder) this.remove(id, folder);
      throw error;
    }
    return folder.dir;
  }

  release(dir: string): void {
    for (const [id, folder] of this.folders) {
      if (folder.dir !== dir) continue;
      folder.users--;
      if (folder.obsolete && folder.users <= 0) this.remove(id, folder);
    }
  }

  /** Marks the function's folders whose code is no longer in `liveShas` for removal (now, if unused). */
  retire(key: FunctionKey, liveShas: Set<string>): void {
    const functionId = functionIdOf(key);
    for (const [id, folder] of this.folders) {
      if (folder.functionId !== functionId || liveShas.has(folder.sha256)) continue;
      folder.obsolete = true;
      if (folder.users <= 0) this.remove(id, folder);
    }
  }

  /** Forgets every folder and stops the extractions under way (their folders are removed by the caller). */
  async forgetAll(): Promise<void> {
    this.folders.clear();
    await Promise.all([...this.extracting].map((worker) => worker.terminate()));
  }

  private remove(id: string, folder: CodeFolder): void {
    this.folders.delete(id);
    rmSync(folder.dir, { recursive: true, force: true });
  }

  /**
   * Hands a copy of the zip to a worker thread which reads its central directory within the upload's limits
   * (zip-directory.mjs), inflates and writes; answers the entries it skipped. Nothing here grows with the zip but
   * the copy.
   */
  private extract(zip: Uint8Array, dir: string): Promise<string[]> {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const copy = new Uint8Array(zip);
    const worker = new Worker(extractWorkerPath, {
      workerData: { zip: copy, dir, maxEntries: maxZipEntries, maxUnzippedBytes },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    this.extracting.add(worker);
    return new Promise<string[]>((resolve, reject) => {
      let answered = false;
      worker.once('message', (message: { skipped?: string[]; error?: { message: string } }) => {
        answered = true;
        if (message.error) reject(new InvalidZipFileException(message.error.message));
        else resolve(message.skipped ?? []);
      });
      worker.once('error', (error) => {
        answered = true;
        reject(new InvalidZipFileException(error.message));
      });
      worker.once('exit', () => {
        this.extracting.delete(worker);
        if (!answered) reject(new InvalidZipFileException('the extraction was stopped'));
      });
    });
  }
}
