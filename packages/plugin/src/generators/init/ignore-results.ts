import type { Tree } from '@nx/devkit';

const ENTRIES = ['/dist/quality', '/dist/quality-report'];
const COVERING = new Set(['dist', '/dist', 'dist/', '/dist/', 'dist/*', '/dist/*', 'dist/**', '/dist/**']);

/** Adds the result folders to .gitignore unless an existing line already ignores them. */
export function ignoreResults(tree: Tree): string[] {
  const text = tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '';
  const lines = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  if ([...COVERING].some((line) => lines.has(line))) return [];
  const missing = ENTRIES.filter((entry) => !lines.has(entry) && !lines.has(entry.slice(1)) && !lines.has(`${entry}/`) && !lines.has(`${entry.slice(1)}/`));
  if (missing.length === 0) return [];
  const prefix = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  tree.write('.gitignore', `${prefix}\n# nx-quality results\n${missing.join('\n')}\n`);
  return missing;
}
