import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A file already written to a temp file beside its target elsewhere (another thread): `temp()` waits for it and returns its path. */
export interface PrewrittenFile {
  temp(): string;
}

/** A file to write and its content: text, bytes, pieces of either written one after another, or a prewritten temp file. */
export interface FileToWrite {
  file: string;
  content: string | Uint8Array | Iterable<string | Uint8Array> | PrewrittenFile;
}

const BATCH_BYTES = 1 << 20;
// Below the usual IOV_MAX (1024) of writev.
const BATCH_PIECES = 1000;

// Pieces are gathered into writes of about a megabyte: few system calls, little memory.
function writeChunks(file: string, chunks: Iterable<string | Uint8Array>): void {
  const fd = openSync(file, 'w');
  try {
    let pending: Uint8Array[] = [];
    let size = 0;
    const flush = (): void => {
      let written = writevSync(fd, pending);
      // A short write (rare on files) continues from where it stopped.
      if (written < size) {
        const rest = Buffer.concat(pending, size);
        while (written < size) written += writeSync(fd, rest, written);
      }
      pending = [];
      size = 0;
    };
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (bytes.length === 0) continue;
      pending.push(bytes);
      size += bytes.length;
      if (size >= BATCH_BYTES || pending.length >= BATCH_PIECES) flush();
    }
    if (size > 0) flush();
  } finally {
    closeSync(fd);
  }
}

function isPrewritten(content: FileToWrite['content']): content is PrewrittenFile {
  return typeof (content as Partial<PrewrittenFile>).temp === 'function';
}

/**
 * Writes `content` to a new temp file in `file`'s folder (created if needed) and returns the temp
 * file's path, for a rename into place later (see `writeFilesAtomic`). Removes it on failure.
 */
export function stageFile(file: string, content: string | Uint8Array | Iterable<string | Uint8Array>): string {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(temp, content);
    else writeChunks(temp, content);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return temp;
}

/**
 * Writes every file to a temp file beside it first and renames them into place only once all are
 * complete, so a failure (also one raised while producing chunks) leaves every target as it was and
 * no temp file behind. Readers never see half a file.
 */
export function writeFilesAtomic(files: readonly FileToWrite[]): void {
  const staged: { temp: string; file: string }[] = [];
  try {
    for (const { file, content } of files) staged.push({ temp: isPrewritten(content) ? content.temp() : stageFile(file, content), file });
    for (const { temp, file } of staged) renameSync(temp, file);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
}
