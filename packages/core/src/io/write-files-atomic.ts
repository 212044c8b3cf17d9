import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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
// UTF-8 takes at most 3 bytes per UTF-16 unit: a slice this long always fits an empty batch.
const MAX_TEXT_SLICE = Math.floor(BATCH_BYTES / 3);
// One per thread, reused for every file: memory touched once, however much is written.
let batch: Buffer | undefined;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function writeAll(fd: number, bytes: Uint8Array, length: number): void {
  let written = 0;
  // A short write (rare on files) continues from where it stopped.
  while (written < length) written += writeSync(fd, bytes, written, length - written);
}

// Pieces are copied into a batch of about a megabyte and written together: few system calls, and a
// producer may reuse its buffers once the next piece is asked for (see ChunkedText).
function writeChunks(file: string, chunks: Iterable<string | Uint8Array>): void {
  const fd = openSync(file, 'w');
  const buffer = (batch ??= Buffer.allocUnsafeSlow(BATCH_BYTES));
  // Taken while writing: a chunk producer that writes a file itself gets its own batch.
  batch = undefined;
  let used = 0;
  const flush = (): void => {
    writeAll(fd, buffer, used);
    used = 0;
  };
  try {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') {
        // Long text is encoded a slice at a time (never splitting a surrogate pair): no buffer of its whole size.
        for (let start = 0; start < chunk.length; ) {
          let end = Math.min(chunk.length, start + MAX_TEXT_SLICE);
          if (end < chunk.length && isHighSurrogate(chunk.charCodeAt(end - 1))) end--;
          if ((end - start) * 3 > buffer.length - used) flush();
          used += buffer.write(start === 0 && end === chunk.length ? chunk : chunk.slice(start, end), used);
          start = end;
        }
        continue;
      }
      if (chunk.length > buffer.length - used) flush();
      if (chunk.length <= buffer.length) {
        buffer.set(chunk, used);
        used += chunk.length;
      } else writeAll(fd, chunk, chunk.length);
    }
    flush();
  } finally {
    batch = buffer;
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
    if (content instanceof Uint8Array) writeFileSync(temp, content);
    else writeChunks(temp, typeof content === 'string' ? [content] : content);
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
