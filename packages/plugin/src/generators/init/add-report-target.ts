import { readJson, writeJson, type Tree } from '@nx/devkit';
import { PLUGIN_NAME } from './register-plugin';

/**
 * Adds the workspace report target to the root project: root project.json when there is one,
 * else the root package.json's `nx.targets` (which also makes the root package an Nx project in
 * npm/yarn/pnpm workspaces; `includedScripts: []` keeps its npm scripts from becoming targets, so
 * a root `build` script that runs `nx run-many -t build` cannot start itself). Keeps an existing
 * target of that name. Returns where it was added, or null.
 */
export function addReportTarget(tree: Tree, targetName: string): string | null {
  const target = { executor: `${PLUGIN_NAME}:quality-report` };
  if (tree.exists('project.json')) {
    const project = readJson<{ targets?: Record<string, unknown> }>(tree, 'project.json');
    if (project.targets?.[targetName]) return null;
    project.targets = { ...project.targets, [targetName]: target };
    writeJson(tree, 'project.json', project);
    return 'project.json';
  }
  if (!tree.exists('package.json')) return null;
  const pkg = readJson<{ name?: string; nx?: { name?: string; targets?: Record<string, unknown>; includedScripts?: string[] } }>(tree, 'package.json');
  if (pkg.nx?.targets?.[targetName]) return null;
  pkg.nx = pkg.nx ? { ...pkg.nx } : { includedScripts: [] };
  pkg.nx.targets = { ...pkg.nx.targets, [targetName]: target };
  if (!pkg.name) pkg.nx = { name: 'workspace', ...pkg.nx };
  writeJson(tree, 'package.json', pkg);
  return 'package.json';
}
