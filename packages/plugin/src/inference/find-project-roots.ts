import { posix } from 'node:path';

/** A project root found from its project.json or package.json. */
export interface FoundProjectRoot {
  /** Workspace-relative POSIX root, "." for the workspace root. */
  root: string;
  /** The project.json (preferred) or package.json that makes it a project. */
  configFile: string;
}

/**
 * Turns matched project.json/package.json files into project roots, one per folder (project.json
 * wins over package.json); a package.json-only folder counts only when `isPackageProject` says so.
 */
export function findProjectRoots(configFiles: readonly string[], isPackageProject: (packageJsonPath: string) => boolean): FoundProjectRoot[] {
  const byRoot = new Map<string, FoundProjectRoot>();
  for (const file of configFiles) {
    const root = posix.dirname(file);
    const isProjectJson = posix.basename(file) === 'project.json';
    if (!isProjectJson && !isPackageProject(file)) continue;
    const existing = byRoot.get(root);
    if (!existing || isProjectJson) byRoot.set(root, { root, configFile: file });
  }
  return [...byRoot.values()].sort((a, b) => a.root.localeCompare(b.root));
}
