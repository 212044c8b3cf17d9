import { existsSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isFileSystemError } from './read-json-if-present';

/**
 * Which packages can be named in `externalDependencies` inputs. Nx fails a task whose
 * externalDependencies name a package the lock file does not know, or a workspace project, so
 * only packages installed under the workspace's node_modules (pnpm's store included) qualify;
 * a symlink to a folder outside node_modules (workspace package, `npm link`, `file:`) does not.
 */
export function createInstalledPackageCheck(workspaceRoot: string): (name: string) => boolean {
  const cache = new Map<string, boolean>();
  const nodeModules = join(workspaceRoot, 'node_modules');
  return (name) => {
    let installed = cache.get(name);
    if (installed === undefined) {
      const dir = join(nodeModules, ...name.split('/'));
      installed = false;
      if (existsSync(join(dir, 'package.json'))) {
        try {
          const rel = relative(realpathSync(nodeModules), realpathSync(dir));
          installed = rel !== '' && !rel.startsWith('..') && !rel.split(sep).includes('..');
        } catch (error) {
          if (!isFileSystemError(error)) throw error;
          installed = false;
        }
      }
      cache.set(name, installed);
    }
    return installed;
  };
}
