import type { LintResult } from '@nx-quality/core';
import type { ToolDefinition } from '../shared/record-tool-result';
import { formatLintSummary } from './format-lint-summary';
import { createLintRunCache, type LintRunCache } from './lint-run-cache';
import { normalizeLintOptions, type NormalizedLintOptions } from './normalize-lint-options';
import type { LintExecutorOptions } from './options';
import { runLintForProject } from './run-lint';

/**
 * How the lint executor normalizes, runs, records and summarizes one project. Tasks given the
 * same `cache` (a batch) share the loaded ESLint and its instances with their loaded configs.
 */
export function lintTool(cache: LintRunCache = createLintRunCache()): ToolDefinition<LintExecutorOptions, NormalizedLintOptions, LintResult> {
  return {
    kind: 'lint',
    normalize: normalizeLintOptions,
    resultFile: (options) => options.lintResultFile.absolute,
    run: (project, options) => runLintForProject(project, options, cache),
    errorResult: (header): LintResult => ({
      kind: 'lint',
      ...header,
      tool: { name: 'eslint', version: 'unknown' },
      counts: { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0, fatal: 0, filesLinted: 0, filesWithProblems: 0 },
      rules: {},
      messages: [],
      messagesOmitted: 0,
      fixed: false,
    }),
    summarize: formatLintSummary,
  };
}
