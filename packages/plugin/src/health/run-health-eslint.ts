import { QualityError } from '@nx-quality/core';
import type { ESLint, Linter } from 'eslint';
import { join, relative, sep } from 'node:path';
import { remembered, type HealthRunCache } from './health-run-cache';
import { resolveWorkspaceTool } from './resolve-workspace-tool';

/** One ESLint message of the health run, located in a project-relative POSIX file. */
export interface HealthLintMessage {
  file: string;
  ruleId: string | null;
  fatal: boolean;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** What the in-process ESLint run of the health config reported. */
export interface HealthLintRun {
  eslintVersion: string;
  messages: HealthLintMessage[];
}

/**
 * Lints the given project files in-process with the workspace's ESLint (8.57, 9 or 10) and the health
 * config only: `overrideConfigFile: true` keeps the project's own config (flat or eslintrc) out, so the
 * health numbers do not depend on which rules a project happens to enable, nor on its config system. Runs given the same `cache` (a batch) load
 * ESLint once.
 */
export async function runHealthEslint(
  workspaceRoot: string,
  projectDir: string,
  files: string[],
  config: Linter.Config[],
  cache?: HealthRunCache,
): Promise<HealthLintRun> {
  const eslintModule = remembered(cache?.eslint, workspaceRoot, () => resolveWorkspaceTool<typeof import('eslint')>('eslint', workspaceRoot));
  const FlatESLint = await flatEslintClass(eslintModule);
  if (files.length === 0) return { eslintVersion: eslintModule.ESLint.version, messages: [] };
  // A new instance per project, even in a batch: one instance cannot serve two projects (the config's
  // globs and no-generic-catch's boundary files are relative to its cwd, the project directory); once
  // ESLint is loaded an instance costs about a millisecond, while a kept one held about 0.5 MB of heap.
  const eslint: ESLint = new FlatESLint({
    cwd: projectDir,
    overrideConfigFile: true,
    overrideConfig: config,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    cache: false,
  });
  const results = await lintEachFileOnCrash(eslint, projectDir, files);
  const messages: HealthLintMessage[] = [];
  for (const result of results) {
    const file = relative(projectDir, result.filePath).split(sep).join('/');
    for (const message of result.messages) {
      messages.push({
        file,
        ruleId: message.ruleId,
        fatal: message.fatal === true,
        line: message.line ?? 0,
        column: message.column ?? 0,
        ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
        ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
        message: message.message,
      });
    }
  }
  return { eslintVersion: eslintModule.ESLint.version, messages };
}

/**
 * The flat-config class: `ESLint` of 9 and 10 (whatever ESLINT_USE_FLAT_CONFIG says, which only the CLI
 * and `loadESLint()` read), `loadESLint({ useFlatConfig: true })` of 8.57 (its FlatESLint).
 */
async function flatEslintClass(eslintModule: typeof import('eslint')): Promise<typeof ESLint> {
  const version = String(eslintModule.ESLint.version);
  const major = Number(version.split('.')[0]);
  if (major >= 9) return eslintModule.ESLint;
  const loadESLint = (eslintModule as { loadESLint?: (options: { useFlatConfig: boolean }) => Promise<typeof ESLint> }).loadESLint;
  if (typeof loadESLint === 'function') return loadESLint({ useFlatConfig: true });
  throw new QualityError('HEALTH_ESLINT_TOO_OLD', `The health analysis needs ESLint 8.57 or later (its flat config API); the workspace has ${version}.`, {
    hint: 'Upgrade eslint in the workspace: npm install -D eslint@^8.57.0 (its eslintrc config keeps working) or eslint@^9',
  });
}

/**
 * Lints all files at once; if ESLint itself throws (a rule crashing on unusual code), lints them one by one
 * so one bad file costs only its own findings: it is reported as a fatal message, like a parse error.
 */
async function lintEachFileOnCrash(eslint: ESLint, projectDir: string, files: string[]): Promise<ESLint.LintResult[]> {
  try {
    return await eslint.lintFiles(files);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
  }
  const results: ESLint.LintResult[] = [];
  for (const file of files) {
    try {
      results.push(...(await eslint.lintFiles([file])));
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      results.push(crashResult(join(projectDir, file), error));
    }
  }
  return results;
}

function crashResult(filePath: string, error: Error): ESLint.LintResult {
  const message = `ESLint failed on this file: ${error.message.split('\n')[0]}`;
  return {
    filePath,
    messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 0, column: 0 }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
