import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WorkerUser {
  name: string;
  uid: number;
  gid: number;
}

/** The account unprivileged processes run as on Linux distributions (`nobody`, else the traditional 65534). */
const unprivilegedName = 'nobody';
const fallbackId = 65534;

/** `nobody`'s uid and gid from /etc/passwd, read at run time; 65534 where the file does not name it. */
export function unprivilegedUser(passwdPath = '/etc/passwd'): WorkerUser {
  try {
    for (const line of readFileSync(passwdPath, 'utf8').split('\n')) {
      const [name, , uid, gid] = line.split(':');
      if (
        name === unprivilegedName &&
        uid !== undefined &&
        gid !== undefined &&
        /^\d+$/.test(uid) &&
        /^\d+$/.test(gid)
      ) {
        return { name, uid: Number(uid), gid: Number(gid) };
      }
    }
  } catch {
    // no /etc/passwd: the conventional ids
  }
  return { name: unprivilegedName, uid: fallbackId, gid: fallbackId };
}

/**
 * Whether `user` (not root) may read `path` (and run it, with `execute`) as far as permission bits tell: every
 * folder above it searchable, the file readable. Owner and group bits count when they are the user's.
 */
export function reachableBy(user: WorkerUser, path: string, execute = false): boolean {
  const allows = (mode: number, owner: number, group: number, bits: number) => {
    if (owner === user.uid) return ((mode >> 6) & bits) === bits;
    if (group === user.gid) return ((mode >> 3) & bits) === bits;
    return (mode & bits) === bits;
  };
  try {
    const file = statSync(path);
    if (!allows(file.mode, file.uid, file.gid, execute ? 5 : 4)) return false;
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const folder = statSync(dir);
      if (!allows(folder.mode, folder.uid, folder.gid, 1)) return false;
      if (dirname(dir) === dir) return true;
    }
  } catch {
    return false;
  }
}
