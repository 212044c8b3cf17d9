import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type * as TS from 'typescript';

/** Compiler options used to resolve imports, and the tsconfig they came from (if any). */
export interface ResolutionSettings {
  options: TS.CompilerOptions;
  tsconfig?: string;
}

/** Resolves import specifiers to files of the workspace (absolute, real paths), or undefined. */
export type ResolveModule = (specifier: string, containingFile: string) => string | undefined;

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * A cached `ts.resolveModuleName` with the project's compiler options (path aliases, package exports with
 * custom conditions, `.js` → `.ts` mapping). Only files inside the workspace and outside node_modules
 * count: those are the modules whose tests we look for. Relative specifiers that the project's
 * resolution mode rejects (extension-less imports under nodenext) are retried with bundler resolution.
 */
export function createModuleResolver(ts: typeof TS, workspaceRoot: string, options: TS.CompilerOptions): ResolveModule {
  const cache = new Map<string, string | undefined>();
  const host: TS.ModuleResolutionHost = ts.sys;
  const moduleCache = ts.createModuleResolutionCache(workspaceRoot, (name) => (ts.sys.useCaseSensitiveFileNames ? name : name.toLowerCase()), options);
  const bundlerOptions: TS.CompilerOptions = { ...options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const realWorkspace = realpathSync(workspaceRoot);

  const accept = (file: string | undefined): string | undefined => {
    if (!file || /\.d\.[cm]?ts$/.test(file)) return undefined;
    let real: string;
    try {
      real = realpathSync(file);
    } catch (error) {
      // A dangling symlink or a file removed meanwhile is simply not a module of the workspace.
      if ((error as NodeJS.ErrnoException).code) return undefined;
      throw error;
    }
    if (!isInside(realWorkspace, real) || real.split(sep).includes('node_modules')) return undefined;
    return real;
  };

  return (specifier, containingFile) => {
    const key = `${dirname(containingFile)}\u0000${specifier}`;
    if (cache.has(key)) return cache.get(key);
    const mode = ts.getImpliedNodeFormatForFile?.(containingFile as TS.Path, undefined, host, options);
    let resolved = accept(ts.resolveModuleName(specifier, containingFile, options, host, moduleCache, undefined, mode).resolvedModule?.resolvedFileName);
    if (!resolved && specifier.startsWith('.')) {
      resolved = accept(ts.resolveModuleName(specifier, containingFile, bundlerOptions, host).resolvedModule?.resolvedFileName);
    }
    cache.set(key, resolved);
    return resolved;
  };
}
