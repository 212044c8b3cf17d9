import { readFileSync } from 'node:fs';

/**
 * Parses a JSON file for best-effort inference: a file that is absent, unreadable or not JSON
 * gives undefined (Nx reports broken project files itself); anything else is rethrown.
 */
export function readJsonIfPresent(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (isFileSystemError(error) || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Whether something thrown is a Node file-system error (ENOENT, EACCES, ENOTDIR…). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  // Duck-typed: `instanceof Error` fails for errors from another realm (Jest's module sandbox).
  return typeof error === 'object' && error !== null && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
