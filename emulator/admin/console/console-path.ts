export const consolePath = '/_idpool/console';

/** Whether the path is the console's (`/_idpool/console` and below). */
export function isConsolePath(path: string): boolean {
  return path === consolePath || path.startsWith(`${consolePath}/`);
}
