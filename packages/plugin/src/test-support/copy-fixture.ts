import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '../../../..');

/**
 * Copies a fixture folder into a fresh directory under `<repo>/tmp/` (git-ignored), so Node's module
 * resolution from the copy still finds the repository's jest, eslint and typescript.
 * Returns the directory and a cleanup function.
 */
export function copyFixture(fixtureDir: string, label = 'fixture'): { dir: string; cleanup: () => void } {
  const base = join(REPO_ROOT, 'tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${label}-`));
  cpSync(fixtureDir, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
