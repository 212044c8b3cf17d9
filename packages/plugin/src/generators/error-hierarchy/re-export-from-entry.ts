import { joinPathFragments, type Tree } from '@nx/devkit';
import { posix } from 'node:path';

/**
 * Adds `export * from './…/errors/index'` to the project's `src/index.ts` when it exists and does not
 * export the module yet. Returns the entry file, or undefined when there is none.
 */
export function reExportFromEntry(tree: Tree, projectRoot: string, directory: string, ext: string): string | undefined {
  const entry = joinPathFragments(projectRoot, 'src/index.ts');
  const text = tree.exists(entry) ? tree.read(entry, 'utf-8') : null;
  if (text === null) return undefined;
  let specifier = posix.relative('src', `${directory}/index`);
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const target = `${specifier}${ext}`;
  const alreadyExported = [target, specifier, specifier.replace(/\/index$/, '')].some((candidate) => text.includes(`'${candidate}'`) || text.includes(`"${candidate}"`));
  if (!alreadyExported) tree.write(entry, `${text.replace(/\s*$/, '\n')}export * from '${target}';\n`);
  return entry;
}
