import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A package resolved from the user's project/workspace (never from the plugin's own dependencies). */
export interface ResolvedToolModule {
  /** Absolute path of the resolved entry (or of the requested subpath). */
  path: string;
  /** Version from the package's package.json, or 'unknown'. */
  version: string;
}

/**
 * Resolves `request` (a package name or `pkg/subpath`) the way the user's own tools would: from the
 * project root first, then the workspace root. Returns undefined when it is not installed.
 */
export function resolveToolModule(request: string, searchFrom: string[]): ResolvedToolModule | undefined {
  let path: string;
  try {
    path = require.resolve(request, { paths: searchFrom });
  } catch (error) {
    if (isModuleNotFound(error)) return undefined;
    throw error;
  }
  return { path, version: readPackageVersion(request, path) };
}

function readPackageVersion(request: string, resolvedPath: string): string {
  const packageName = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
  // Walk up from the entry to the package's own package.json (exports maps may hide `pkg/package.json`).
  let dir = dirname(resolvedPath);
  for (;;) {
    const manifestFile = join(dir, 'package.json');
    if (existsSync(manifestFile)) {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === packageName && manifest.version) return manifest.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

function isModuleNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
}
