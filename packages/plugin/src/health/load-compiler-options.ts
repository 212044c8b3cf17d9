import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as TS from 'typescript';
import { remembered, type HealthRunCache } from './health-run-cache';
import type { ResolutionSettings } from './module-resolver';

const PROJECT_TSCONFIGS = ['tsconfig.lib.json', 'tsconfig.app.json', 'tsconfig.json'];
const WORKSPACE_TSCONFIGS = ['tsconfig.base.json', 'tsconfig.json'];

/**
 * Reads the compiler options imports of the project resolve with (`paths`, `baseUrl`, `moduleResolution`,
 * `customConditions` …): the project's tsconfig.lib/app/json, else the workspace's tsconfig.base.json,
 * following `extends`. Config problems do not stop the analysis; they fall back to Node-style resolution.
 * With a `cache` (a batch), each tsconfig and each extended one is parsed once.
 */
export function loadCompilerOptions(ts: typeof TS, workspaceRoot: string, projectDir: string, cache?: HealthRunCache): ResolutionSettings {
  const candidates = [...PROJECT_TSCONFIGS.map((name) => join(projectDir, name)), ...WORKSPACE_TSCONFIGS.map((name) => join(workspaceRoot, name))];
  for (const tsconfig of candidates) {
    if (!existsSync(tsconfig)) continue;
    const settings = remembered(cache?.compilerOptions, tsconfig, () => parseResolutionSettings(ts, tsconfig, cache?.extendedConfigs));
    if (settings) return settings;
  }
  return { options: { moduleResolution: ts.ModuleResolutionKind.Node10, allowJs: true, noEmit: true } };
}

/** The settings of one tsconfig, or undefined when it cannot be read. */
function parseResolutionSettings(ts: typeof TS, tsconfig: string, extendedConfigs: Map<string, TS.ExtendedConfigCacheEntry> | undefined): ResolutionSettings | undefined {
  const read = ts.readConfigFile(tsconfig, (file) => ts.sys.readFile(file));
  if (read.error) return undefined;
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig), undefined, tsconfig, undefined, undefined, extendedConfigs);
  return { options: { ...parsed.options, allowJs: true, noEmit: true }, tsconfig };
}
