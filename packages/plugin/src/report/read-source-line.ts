import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileVersion, isInsideWorkspace } from '@nx-quality/core';

/**
 * A cached reader of source lines (1-based) of workspace-relative files, for SARIF fingerprints.
 * Every file it tries to read is added to `opened`, with the version (`fileVersion`) found before reading.
 */
export function createSourceLineReader(workspaceRoot: string, opened?: Map<string, string>): (file: string, line: number) => string | undefined {
  const cache = new Map<string, string[] | null>();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === undefined) {
      const inside = isInsideWorkspace(workspaceRoot, file);
      if (inside) opened?.set(file, fileVersion(join(workspaceRoot, file)));
      try {
        lines = inside ? readFileSync(join(workspaceRoot, file), 'utf8').split(/\r?\n/) : null;
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
