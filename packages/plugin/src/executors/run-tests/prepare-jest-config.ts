import { existsSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { loadJestConfig, type JestConfigObject } from './load-jest-config';

/**
 * Makes a loaded config self-contained for `runCLI({ config: JSON })`: Jest then knows no config
 * path, so `rootDir` is set to the config's folder (or resolved against it), inline `projects` get
 * the same treatment, and TypeScript project configs listed in `projects` are loaded by us too.
 */
export async function prepareJestConfig(config: JestConfigObject, configFile: string, workspaceRoot: string): Promise<JestConfigObject> {
  const configDir = dirname(configFile);
  const rootDir = resolveRootDir(config['rootDir'], configDir);
  const prepared: JestConfigObject = { ...config, rootDir };
  if (Array.isArray(config['projects'])) {
    prepared['projects'] = await Promise.all(
      config['projects'].map(async (entry: unknown) => {
        if (entry !== null && typeof entry === 'object') {
          const inline = entry as JestConfigObject;
          return { ...inline, rootDir: resolveRootDir(inline['rootDir'], rootDir) };
        }
        if (typeof entry === 'string') {
          const path = resolve(rootDir, entry.replaceAll('<rootDir>', rootDir));
          if (['.ts', '.cts', '.mts'].includes(extname(path)) && existsSync(path)) {
            return prepareJestConfig(await loadJestConfig(path, workspaceRoot), path, workspaceRoot);
          }
        }
        return entry;
      }),
    );
  }
  return prepared;
}

function resolveRootDir(value: unknown, baseDir: string): string {
  if (typeof value !== 'string' || value === '') return baseDir;
  const replaced = value.replaceAll('<rootDir>', baseDir);
  return isAbsolute(replaced) ? replaced : resolve(baseDir, replaced);
}
