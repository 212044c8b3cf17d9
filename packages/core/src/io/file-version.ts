import { statSync, type BigIntStats } from 'node:fs';

/**
 * Which version of a file the stats describe: device, inode, size and the nanosecond modification
 * and change times. Any write, rename over or `touch` gives a new version (times advance with the
 * file system's clock, a few milliseconds); `ctime` also catches a copy that preserves the modification time.
 */
export function fileVersionOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** The version of the file at `path` (see `fileVersionOf`), or `'missing'` when there is none. */
export function fileVersion(path: string): string {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (!stats) return 'missing';
  return stats.isFile() ? fileVersionOf(stats) : `not a file:${fileVersionOf(stats)}`;
}
