import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { globToRegExp } from './glob-to-regexp';

const EXTENSIONS = '{js,cjs,mjs,ts,cts,mts}';

/** Node's own default test file patterns (`node --test` without arguments), with TypeScript extensions added. */
export const DEFAULT_NODE_TEST_GLOBS = [
  `**/*.test.${EXTENSIONS}`,
  `**/*-test.${EXTENSIONS}`,
  `**/*_test.${EXTENSIONS}`,
  `**/test-*.${EXTENSIONS}`,
  `**/test.${EXTENSIONS}`,
  `**/test/**/*.${EXTENSIONS}`,
];

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'coverage', '.nx', 'out-tsc', 'test-output']);

/** Test files under a project root matching the globs, as sorted root-relative POSIX paths. */
export function findNodeTestFiles(projectRootAbsolute: string, globs: readonly string[]): string[] {
  const patterns = globs.map((glob) => globToRegExp(glob.replace(/^\.\//, '')));
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name), relative);
      } else if (entry.isFile() && !entry.name.endsWith('.d.ts') && patterns.some((pattern) => pattern.test(relative))) {
        found.push(relative);
      }
    }
  };
  walk(projectRootAbsolute, '');
  return found.sort();
}
