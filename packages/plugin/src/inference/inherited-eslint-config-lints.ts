import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { eslintConfigModeFromEnv, isEslintrcFile, type EslintConfigMode } from '../tool-facts/eslint-config-files';
import { listLintableFiles } from './list-lintable-files';

/** Most files asked about per project: past that, the project counts as lintable. */
const MAX_FILES_ASKED = 500;

interface PathIgnoredCheck {
  isPathIgnored(filePath: string): Promise<boolean>;
}

interface EslintModule {
  ESLint?: (new (options: { cwd: string }) => PathIgnoredCheck) & { version?: string };
  loadESLint?: (options: { useFlatConfig: boolean }) => Promise<(new (options: { cwd: string }) => PathIgnoredCheck) & { configType?: string }>;
}

/**
 * Whether a project without an ESLint config of its own has a file the inherited config lints, asked of
 * the workspace's ESLint (`isPathIgnored`) the way @nx/eslint/plugin (Nx 22 and 23) decides whether to give
 * it a lint target: Nx 22's root .eslintrc.json ignores every file ("**\/*") and only a project's own
 * config un-ignores its folder. ESLint runs with the config's folder as cwd (the project's, when it has a
 * .eslintignore), in the system the config chain calls for. Where the workspace's ESLint cannot be loaded
 * (not installed, before 8.57, or an ESLint 10 with eslintrc files), one JS/TS file is enough: the lint
 * target then reports why it cannot run.
 */
export function createInheritedConfigLintCheck(workspaceRoot: string): (projectRoot: string, eslintConfigChain: string[]) => Promise<boolean> {
  const classes = new Map<EslintConfigMode, Promise<(new (options: { cwd: string }) => PathIgnoredCheck) | undefined>>();
  const instances = new Map<string, PathIgnoredCheck>();

  const eslintClass = (mode: EslintConfigMode) => {
    let loaded = classes.get(mode);
    if (!loaded) {
      loaded = loadEslintClass(workspaceRoot, mode);
      classes.set(mode, loaded);
    }
    return loaded;
  };

  return async (projectRoot, eslintConfigChain) => {
    const files = listLintableFiles(join(workspaceRoot, projectRoot), MAX_FILES_ASKED);
    const nearest = eslintConfigChain[0];
    if (files.length === 0 || nearest === undefined) return false;
    const mode = eslintConfigModeFromEnv() ?? (eslintConfigChain.some((file) => !isEslintrcFile(file)) ? 'flat' : 'eslintrc');
    const ESLint = await eslintClass(mode);
    if (!ESLint || files.length >= MAX_FILES_ASKED) return true;
    const cwd = existsSync(join(workspaceRoot, projectRoot, '.eslintignore')) ? projectRoot : posix.dirname(nearest);
    let instance = instances.get(cwd);
    if (!instance) {
      instance = new ESLint({ cwd: join(workspaceRoot, cwd) });
      instances.set(cwd, instance);
    }
    try {
      for (const file of files) if (!(await instance.isPathIgnored(file))) return true;
      return false;
    } catch (error) {
      // A config that cannot be loaded must not break the project graph: the lint target reports it.
      if (error instanceof Error) return true;
      throw error;
    }
  };
}

async function loadEslintClass(workspaceRoot: string, mode: EslintConfigMode): Promise<(new (options: { cwd: string }) => PathIgnoredCheck) | undefined> {
  let eslintModule: EslintModule;
  try {
    eslintModule = require(require.resolve('eslint', { paths: [workspaceRoot] })) as EslintModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  if (typeof eslintModule.loadESLint !== 'function') return undefined;
  const ESLint = await eslintModule.loadESLint({ useFlatConfig: mode === 'flat' });
  return ESLint.configType === undefined || ESLint.configType === mode ? ESLint : undefined;
}
