import type { Dirent } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isFileSystemError } from './read-json-if-present';

const LINTABLE = /\.(?:[cm]?[jt]sx?)$/;
const NOT_SOURCE_DIRS = new Set(['node_modules', 'dist', 'out-tsc', 'coverage', 'tmp']);

/**
 * Up to `limit` JS/TS files under `dir` (absolute paths), skipping dot folders and build output;
 * a walk that stops early, not a listing of the project.
 */
export function listLintableFiles(dir: string, limit: number): string[] {
  const found: string[] = [];
  walk(dir, 0, found, limit);
  return found;
}

function walk(dir: string, depth: number, found: string[], limit: number): void {
  if (depth > 8 || found.length >= limit) return;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (isFileSystemError(error)) return;
    throw error;
  }
  for (const entry of entries) {
    if (found.length >= limit) return;
    if (entry.isFile() && LINTABLE.test(entry.name)) found.push(join(dir, entry.name));
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && !NOT_SOURCE_DIRS.has(entry.name)) walk(join(dir, entry.name), depth + 1, found, limit);
  }
}
