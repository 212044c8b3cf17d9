import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isFileSystemError, readJsonIfPresent } from './read-json-if-present';

/**
 * Which packages can be named in `externalDependencies` inputs. Nx fails every task whose
 * externalDependencies name a package that is not an external node of the graph, and Nx makes
 * external nodes only from the lock file. So a package qualifies when the lock file lists it and
 * it is installed under the workspace's node_modules (pnpm's store included); a symlink to a
 * folder outside node_modules (a workspace package, `npm link`, `file:`) does not.
 */
export function createInstalledPackageCheck(workspaceRoot: string): (name: string) => boolean {
  const inLockFile = createLockFileCheck(workspaceRoot);
  const cache = new Map<string, boolean>();
  return (name) => {
    let installed = cache.get(name);
    if (installed === undefined) {
      installed = inLockFile(name) && isInstalledInNodeModules(workspaceRoot, name);
      cache.set(name, installed);
    }
    return installed;
  };
}

function createLockFileCheck(workspaceRoot: string): (name: string) => boolean {
  const npmLock = readJsonIfPresent(join(workspaceRoot, 'package-lock.json')) as
    | { packages?: Record<string, { link?: boolean }>; dependencies?: Record<string, unknown> }
    | undefined;
  if (npmLock) {
    return (name) => {
      const entry = npmLock.packages?.[`node_modules/${name}`];
      return entry ? !entry.link : Boolean(npmLock.dependencies?.[name]);
    };
  }
  for (const file of ['pnpm-lock.yaml', 'yarn.lock', 'bun.lock']) {
    const path = join(workspaceRoot, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    // Entries are keyed `name@version` (quoted or after a slash in older pnpm formats).
    return (name) => new RegExp(`(?:^|[\\s"'/])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@`, 'm').test(text);
  }
  return () => false;
}

function isInstalledInNodeModules(workspaceRoot: string, name: string): boolean {
  const nodeModules = join(workspaceRoot, 'node_modules');
  const dir = join(nodeModules, ...name.split('/'));
  if (!existsSync(join(dir, 'package.json'))) return false;
  try {
    const rel = relative(realpathSync(nodeModules), realpathSync(dir));
    return rel !== '' && !rel.split(sep).includes('..');
  } catch (error) {
    if (isFileSystemError(error)) return false;
    throw error;
  }
}
