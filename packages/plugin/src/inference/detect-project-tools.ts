import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ESLINT_FLAT_CONFIG_FILE_NAMES, ESLINTRC_FILE_NAMES } from '../tool-facts/eslint-config-files';
import { findJestConfigFile } from '../tool-facts/jest-config-files';
import { scriptTestRunner } from '../tool-facts/script-test-runner';
import { findVitestConfigFile } from '../tool-facts/vitest-config-files';
import { listLintableFiles } from './list-lintable-files';
import { isFileSystemError, readJsonIfPresent } from './read-json-if-present';

const ESLINT_CONFIG_FILE_NAMES = [...ESLINT_FLAT_CONFIG_FILE_NAMES, ...ESLINTRC_FILE_NAMES];

/** The tool configs that make a project testable, lintable and type-checkable (workspace-relative paths). */
export interface ProjectTools {
  /** Passed to the test executor as `jestConfig`, so it runs the config inference found. */
  jestConfig?: string;
  /** No Jest config; the project's Vitest config (a vitest.config.*, or a vite.config.* with a test block), passed as `vitestConfig`. */
  vitestConfig?: string;
  /** No Jest or Vitest config, but the package's `test` script runs Node's test runner (`node --test`). */
  nodeTests?: boolean;
  /** The nearest ESLint config, flat or eslintrc, at or above the project (the one `@nx/eslint/plugin` groups it under). */
  eslintConfig?: string;
  /** Every ESLint config from the project up to the workspace root (inputs: a parent config may be imported or extended). */
  eslintConfigChain: string[];
  tsconfig?: string;
}

/**
 * Looks for the project's Jest config (or else its Vitest config, or a `node --test` test script),
 * ESLint config (flat or eslintrc, own or inherited: the files `@nx/eslint/plugin` of Nx 22 and 23
 * detects) and tsconfig.json.
 * A Jest config that aggregates projects (`getJestProjects…`) is not a project's own test config.
 * An inherited ESLint config counts only when the project has a lintable file.
 */
export function detectProjectTools(workspaceRoot: string, projectRoot: string): ProjectTools {
  const projectDir = join(workspaceRoot, projectRoot);
  const jestFile = findJestConfigFile(projectRoot, (file) => existsSync(join(workspaceRoot, file)), posix.join);
  const jestConfig = jestFile && !aggregatesProjects(join(workspaceRoot, jestFile)) ? jestFile : undefined;

  const eslintConfigChain: string[] = [];
  for (let dir = projectRoot; ; dir = posix.dirname(dir)) {
    for (const file of ESLINT_CONFIG_FILE_NAMES) if (existsSync(join(workspaceRoot, dir, file))) eslintConfigChain.push(posix.join(dir, file));
    if (dir === '.' || dir === '') break;
  }
  const nearest = eslintConfigChain[0];
  const ownsConfig = nearest !== undefined && posix.dirname(nearest) === projectRoot;
  const eslintConfig = nearest && (ownsConfig || listLintableFiles(projectDir, 1).length > 0) ? nearest : undefined;

  const tsconfig = existsSync(join(projectDir, 'tsconfig.json')) ? posix.join(projectRoot, 'tsconfig.json') : undefined;
  const manifest = readJsonIfPresent(join(projectDir, 'package.json')) as { scripts?: Record<string, unknown> } | undefined;
  const vitestConfig = jestConfig ? undefined : findOwnVitestConfig(workspaceRoot, projectRoot);
  const nodeTests = !jestConfig && !vitestConfig && scriptTestRunner(manifest?.scripts?.['test']) === 'node';
  return { jestConfig, vitestConfig, nodeTests, eslintConfig, eslintConfigChain: eslintConfig ? eslintConfigChain : [], tsconfig };
}

/** A Vitest config whose `test.projects` aggregates other configs (Nx's root vitest.config) is not a project's own. */
function findOwnVitestConfig(workspaceRoot: string, projectRoot: string): string | undefined {
  const read = (file: string): string => {
    try {
      return readFileSync(join(workspaceRoot, file), 'utf8');
    } catch (error) {
      if (isFileSystemError(error)) return '';
      throw error;
    }
  };
  const file = findVitestConfigFile(projectRoot, (candidate) => existsSync(join(workspaceRoot, candidate)), read, posix.join);
  return file && !/\bprojects\s*:/.test(read(file)) ? file : undefined;
}

function aggregatesProjects(file: string): boolean {
  try {
    return /getJestProjects(?:Async)?\s*\(/.test(readFileSync(file, 'utf8'));
  } catch (error) {
    if (isFileSystemError(error)) return false;
    throw error;
  }
}
