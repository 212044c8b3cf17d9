import type { ExecutorContext } from '@nx/devkit';
import type { TypecheckResult } from '@nx-quality/core';
import { runToolExecutor } from '../shared/run-tool-executor';
import { formatTypecheckSummary } from './format-typecheck-summary';
import { normalizeTypecheckOptions } from './normalize-typecheck-options';
import type { TypecheckExecutorOptions } from './options';
import { runTypecheckForProject } from './run-typecheck';

/** Nx executor `@nx-quality/plugin:typecheck`: type-checks the project, writes typecheck.json on every outcome, prints a summary. */
export default function typecheckExecutor(rawOptions: TypecheckExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return runToolExecutor(
    {
      kind: 'typecheck',
      normalize: normalizeTypecheckOptions,
      resultFile: (options) => options.typecheckResultFile.absolute,
      run: (project, options) => runTypecheckForProject(project, options),
      errorResult: (header): TypecheckResult => ({
        kind: 'typecheck',
        ...header,
        tool: { name: 'typescript', version: 'unknown' },
        tsconfig: `${header.projectRoot}/tsconfig.json`,
        configs: [],
        counts: { errors: 0, warnings: 0, filesChecked: 0 },
        codes: {},
        diagnostics: [],
        diagnosticsOmitted: 0,
      }),
      summarize: formatTypecheckSummary,
    },
    rawOptions,
    context,
  );
}
