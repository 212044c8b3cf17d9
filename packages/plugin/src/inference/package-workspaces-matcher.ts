import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { isFileSystemError, readJsonIfPresent } from './read-json-if-present';

/** Which package.json files are projects, and whether the workspace declares package workspaces at all. */
export interface PackageWorkspaces {
  isPackageProject: (packageJsonPath: string) => boolean;
  /** True for a monorepo (npm/yarn/pnpm workspaces or lerna), false for a single-package repo. */
  declaresWorkspaces: boolean;
}

/**
 * Whether a workspace-relative `package.json` is a project for Nx: matched by the package
 * manager's workspaces (package.json `workspaces`, pnpm-workspace.yaml, lerna.json), or the root
 * one when it has an `nx` key, mirroring Nx's own package.json inference.
 */
export function createPackageWorkspacesMatcher(workspaceRoot: string): PackageWorkspaces {
  const patterns = readWorkspacePatterns(workspaceRoot);
  const positive = patterns.filter((p) => !p.startsWith('!'));
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return {
    isPackageProject: (path) => positive.some((p) => minimatch(path, p, { dot: true })) && !negative.some((p) => minimatch(path, p, { dot: true })),
    declaresWorkspaces: positive.some((p) => p !== 'package.json'),
  };
}

function readWorkspacePatterns(workspaceRoot: string): string[] {
  const patterns: string[] = [];
  const rootPackage = readJsonIfPresent(join(workspaceRoot, 'package.json')) as { workspaces?: string[] | { packages?: string[] }; nx?: unknown } | undefined;
  const workspaces = rootPackage?.workspaces;
  patterns.push(...(Array.isArray(workspaces) ? workspaces : (workspaces?.packages ?? [])));
  const pnpmFile = join(workspaceRoot, 'pnpm-workspace.yaml');
  if (existsSync(pnpmFile)) {
    try {
      // yaml is loaded only for pnpm workspaces.
      const { parse } = require('yaml') as typeof import('yaml');
      patterns.push(...(((parse(readFileSync(pnpmFile, 'utf8')) as { packages?: string[] } | null)?.packages) ?? []));
    } catch (error) {
      // An unparsable pnpm-workspace.yaml is reported by Nx itself; infer from the other sources.
      if ((error as { name?: unknown } | null)?.name !== 'YAMLParseError' && !isFileSystemError(error)) throw error;
    }
  }
  const lerna = readJsonIfPresent(join(workspaceRoot, 'lerna.json')) as { packages?: string[] } | undefined;
  if (lerna) patterns.push(...(lerna.packages?.length ? lerna.packages : ['packages/*']));
  const normalized = patterns.map(toPackageJsonPattern);
  return rootPackage?.nx ? [...normalized, 'package.json'] : normalized;
}

function toPackageJsonPattern(pattern: string): string {
  const negated = pattern.startsWith('!');
  let body = (negated ? pattern.slice(1) : pattern).replace(/^\.\//, '').replace(/\/+$/, '');
  if (!body.endsWith('package.json')) body = `${body}/package.json`;
  return negated ? `!${body}` : body;
}
