import { readFileSync } from 'node:fs';
import type { PrewrittenFile } from './write-files-atomic';

/** Text produced piece by piece (strings, or UTF-8 bytes), so a large report file is never held whole in memory. */
export interface ChunkedText {
  /**
   * The text's pieces in order; each call starts again from the beginning. Bytes are the
   * producer's until the next piece is asked for (it may reuse the buffer): copy what you keep.
   */
  chunks(): Iterable<string | Uint8Array>;
}

/** A rendered report file: small ones as a string, large ones as chunks written as they come, or already written by another thread. */
export type ReportFileContent = string | ChunkedText | PrewrittenFile;

/** The whole text of a report file (for small files and tests: a large one is read into memory). */
export function contentText(content: ReportFileContent): string {
  if (typeof content === 'string') return content;
  if ('temp' in content) return readFileSync(content.temp(), 'utf8');
  const bytes: Uint8Array[] = [];
  for (const chunk of content.chunks()) bytes.push(Buffer.from(chunk));
  return Buffer.concat(bytes).toString();
}
