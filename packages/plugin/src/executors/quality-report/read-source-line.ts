import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isInsideWorkspace } from '@nx-quality/core';

/** A cached reader of source lines (1-based) of workspace-relative files, for SARIF fingerprints. */
export function createSourceLineReader(workspaceRoot: string): (file: string, line: number) => string | undefined {
  const cache = new Map<string, string[] | null>();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === undefined) {
      try {
        lines = isInsideWorkspace(workspaceRoot, file) ? readFileSync(join(workspaceRoot, file), 'utf8').split(/\r?\n/) : null;
      } catch (error) {
        // An unreadable source only costs the line text in a fingerprint.
        if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
        lines = null;
      }
      cache.set(file, lines);
    }
    return lines?.[line - 1];
  };
}
