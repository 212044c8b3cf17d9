import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Workspace-level files every project's tools may read (inputs of the inferred targets). */
export interface WorkspaceSharedFiles {
  /** e.g. jest.preset.js, which Nx-generated Jest configs extend. */
  jestPreset?: string;
  /** tsconfig.base.json: compiler options and path mappings shared by every project. */
  tsconfigBase?: string;
  /** The root .eslintignore, which ESLint 8 reads where it runs from the workspace root (beside a declared @nx/eslint:lint target). */
  eslintIgnore?: string;
}

/** Finds the shared config files present at the workspace root. */
export function findWorkspaceSharedFiles(workspaceRoot: string): WorkspaceSharedFiles {
  const first = (names: string[]) => names.find((name) => existsSync(join(workspaceRoot, name)));
  return {
    jestPreset: first(['jest.preset.js', 'jest.preset.cjs', 'jest.preset.mjs', 'jest.preset.json']),
    tsconfigBase: first(['tsconfig.base.json']),
    eslintIgnore: first(['.eslintignore']),
  };
}
