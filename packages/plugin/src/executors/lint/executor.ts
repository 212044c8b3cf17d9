import type { ExecutorContext } from '@nx/devkit';
import type { LintResult } from '@nx-quality/core';
import { runToolExecutor } from '../shared/run-tool-executor';
import { formatLintSummary } from './format-lint-summary';
import { normalizeLintOptions } from './normalize-lint-options';
import type { LintExecutorOptions } from './options';
import { runLintForProject } from './run-lint';

/** Nx executor `@nx-quality/plugin:lint`: lints the project, writes lint.json on every outcome, prints a summary. */
export default function lintExecutor(rawOptions: LintExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return runToolExecutor(
    {
      kind: 'lint',
      normalize: normalizeLintOptions,
      resultFile: (options) => options.lintResultFile.absolute,
      run: (project, options) => runLintForProject(project, options),
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
    },
    rawOptions,
    context,
  );
}
