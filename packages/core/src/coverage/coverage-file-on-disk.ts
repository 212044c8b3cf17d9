import { closeSync, fstatSync, openSync, readSync, type BigIntStats } from 'node:fs';
import { fileVersionOf } from '../io/file-version';
import { CoverageFileChangedError } from './coverage-file-changed-error';

function readOpen(fd: number, size: number, into?: Buffer): Buffer {
  const bytes = into && into.length >= size ? into.subarray(0, size) : Buffer.allocUnsafeSlow(size);
  let at = 0;
  while (at < size) {
    const read = readSync(fd, bytes, at, size - at, at);
    if (read === 0) break;
    at += read;
  }
  return at === size ? bytes : bytes.subarray(0, at);
}

/**
 * A coverage file whose bytes the merged coverage refers to instead of copying them: the merged
 * coverage-final.json is written from the file itself, read a second time. The second read checks
 * that the file is the one read first (`fileVersionOf`), so a file replaced in
 * between is an error, never a mix of two versions.
 */
export class CoverageFileOnDisk {
  private constructor(
    /** Absolute path. */
    readonly path: string,
    private readonly stats: BigIntStats,
  ) {}

  /** Which version of the file was read (`fileVersionOf`). */
  get version(): string {
    return fileVersionOf(this.stats);
  }

  /** Reads the file, remembering which version of it was read. */
  static read(path: string): { file: CoverageFileOnDisk; bytes: Buffer } {
    const fd = openSync(path, 'r');
    try {
      const stats = fstatSync(fd, { bigint: true });
      const bytes = readOpen(fd, Number(stats.size));
      return { file: new CoverageFileOnDisk(path, stats), bytes };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The same bytes as the first read, in `into` when it is large enough (a view of its start), else
   * in a new buffer; throws `CoverageFileChangedError` when the file changed since.
   */
  reread(into?: Buffer): Buffer {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch (error) {
      throw new CoverageFileChangedError(this.path, { cause: error });
    }
    try {
      const stats = fstatSync(fd, { bigint: true });
      const bytes = fileVersionOf(stats) === fileVersionOf(this.stats) ? readOpen(fd, Number(stats.size), into) : undefined;
      if (!bytes || bytes.length !== Number(stats.size)) throw new CoverageFileChangedError(this.path);
      return bytes;
    } finally {
      closeSync(fd);
    }
  }
}
