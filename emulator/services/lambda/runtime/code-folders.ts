import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { FunctionKey } from '../../../store/lambda-store.js';

interface CodeFolder {
  dir: string;
  functionId: string;
  sha256: string;
  users: number;
  obsolete: boolean;
}

function functionIdOf(key: FunctionKey): string {
  return `${key.accountId}-${key.region}-${key.name}`;
}

/**
 * The unzipped code of each function code version, in its own folder under the emulator's private temp folder
 * (Lambda's /var/task). A folder is extracted on first use, and removed once its code is replaced or its function
 * deleted and no worker runs in it any more.
 */
export class CodeFolders {
  private readonly folders = new Map<string, CodeFolder>();

  constructor(
    private readonly root: () => string,
    private readonly loadZip: (sha256: string) => Uint8Array | undefined,
  ) {}

  /** The folder of this code version, extracted if needed; call `release` when the worker using it is gone. */
  acquire(key: FunctionKey, sha256: string): string {
    const functionId = functionIdOf(key);
    const id = `${functionId}-${Buffer.from(sha256, 'base64').toString('hex').slice(0, 16)}`;
    let folder = this.folders.get(id);
    if (!folder) {
      const zip = this.loadZip(sha256);
      if (!zip) throw new Error(`the deployment package ${sha256} of ${key.name} is missing from the store`);
      const dir = join(this.root(), 'code', id);
      extract(zip, dir);
      folder = { dir, functionId, sha256, users: 0, obsolete: false };
      this.folders.set(id, folder);
    }
    folder.users++;
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

  forgetAll(): void {
    this.folders.clear();
  }

  private remove(id: string, folder: CodeFolder): void {
    this.folders.delete(id);
    rmSync(folder.dir, { recursive: true, force: true });
  }
}

/** Writes every file of the zip under `dir`; entries that would land outside it are skipped. */
function extract(zip: Uint8Array, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('/')) {
      mkdirSync(join(dir, name), { recursive: true });
      continue;
    }
    const relative = normalize(name);
    if (relative.startsWith('..') || relative.startsWith(sep) || relative.includes(`..${sep}`)) continue;
    const file = join(dir, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
}
