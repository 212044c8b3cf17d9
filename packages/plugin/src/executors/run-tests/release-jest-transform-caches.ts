import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { resolveToolModule } from '../shared/resolve-tool-module';

type TransformMethod = (this: { _cache?: { transformedFiles?: unknown } }, ...args: unknown[]) => unknown;
interface JestTransformModule {
  createScriptTransformer?: (config: Record<string, unknown>) => Promise<object>;
}

/** The transformedFiles maps Jest's transformers used since the last release. */
const inUse = new Set<Map<unknown, unknown>>();
const watchedModules = new Set<string>();
const patchedPrototypes = new WeakSet<object>();

/**
 * Makes `releaseJestTransformCaches` reach the caches of the @jest/transform that the Jest found
 * from `searchFrom` uses. That module keeps every transformed file (instrumented code, source map)
 * in a module-level map per project config for the life of the process: right for one Jest run,
 * but a batch runs one project config after another, so without a release every project's
 * transformed files would stay in memory to the end (about 2 MB per project on the benchmark, far
 * more where node_modules are transformed). The cache is private; its transformers' `transform`
 * and `transformAsync` are wrapped to note which cache they use. A Jest laid out otherwise is left alone.
 */
export async function watchJestTransformCaches(searchFrom: string[]): Promise<void> {
  const jest = resolveToolModule('jest', searchFrom)?.path;
  const transformPath = resolveChain(jest ? [dirname(jest)] : searchFrom, ['@jest/core', 'jest-runtime', '@jest/transform']);
  if (!transformPath || watchedModules.has(transformPath)) return;
  watchedModules.add(transformPath);
  let prototype: Record<string, unknown>;
  try {
    const { createScriptTransformer } = require(transformPath) as JestTransformModule;
    if (typeof createScriptTransformer !== 'function') return;
    // The class is not exported: an instance with no transforms leads to its prototype.
    prototype = Object.getPrototypeOf(await createScriptTransformer({ rootDir: tmpdir(), cacheDirectory: tmpdir(), transform: [], transformIgnorePatterns: [] })) as Record<string, unknown>;
    // eslint-disable-next-line @nx-quality/no-generic-catch -- a memory saving must not fail the tests: a Jest that cannot be probed keeps its caches
  } catch {
    return;
  }
  if (patchedPrototypes.has(prototype)) return;
  patchedPrototypes.add(prototype);
  for (const name of ['transform', 'transformAsync']) {
    const original = prototype[name];
    if (typeof original !== 'function') continue;
    const recording: TransformMethod = function (...args) {
      const files = this._cache?.transformedFiles;
      if (files instanceof Map) inUse.add(files);
      return (original as TransformMethod).apply(this, args);
    };
    prototype[name] = recording;
  }
}

/** Empties the transform caches Jest used since the last call; call when a project's run is over. */
export function releaseJestTransformCaches(): void {
  for (const files of inUse) files.clear();
  inUse.clear();
}

/** Resolves each package from the folder of the one before, as Node does when Jest loads its own parts. */
function resolveChain(searchFrom: string[], chain: string[]): string | undefined {
  let paths = searchFrom;
  let resolved: string | undefined;
  for (const request of chain) {
    resolved = resolveToolModule(request, paths)?.path;
    if (!resolved) return undefined;
    paths = [dirname(resolved)];
  }
  return resolved;
}
