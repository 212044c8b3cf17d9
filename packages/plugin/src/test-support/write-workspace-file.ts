import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes a file of a spec's workspace, its folders included: a string as is, anything else as JSON. */
export function writeWorkspaceFile(root: string, file: string, content: unknown): void {
  const full = join(root, file);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
}
