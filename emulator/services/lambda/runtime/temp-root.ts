import { chmodSync, lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `idpool-lambda-<pid>-XXXXXX`: the pid of the emulator process owning the folder is in its name. */
const prefix = 'idpool-lambda-';
const ownedName = /^idpool-lambda-(\d+)-[A-Za-z0-9]{6}$/;

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp folders of emulators that died without removing theirs (SIGKILL, a crash, a power cut): those
 * whose owner pid no longer runs. Only folders of this user, in the name form above; older unnamed ones stay.
 * The removal runs in the background (libuv's threads), as a dead emulator's folder may hold many files.
 */
export async function removeOrphanedTempRoots(parent = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return removed;
  }
  const removals: Promise<void>[] = [];
  const uid = process.getuid?.();
  for (const name of names) {
    const owner = ownedName.exec(name)?.[1];
    if (owner === undefined || Number(owner) === process.pid || processExists(Number(owner))) continue;
    const path = join(parent, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      removals.push(
        rm(path, { recursive: true, force: true }).then(
          () => void removed.push(path),
          () => undefined,
        ),
      );
    } catch {
      // raced with another emulator cleaning up
    }
  }
  await Promise.all(removals);
  return removed;
}

/** A new private temp folder of this process; searchable by others when workers run as another user. */
export function createTempRoot(othersMaySearch: boolean): string {
  const root = mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
  if (othersMaySearch) chmodSync(root, 0o711);
  return root;
}
