import type { TypecheckResult } from '@nx-quality/core';
import type { ToolDefinition } from '../shared/record-tool-result';
import { formatTypecheckSummary } from './format-typecheck-summary';
import { normalizeTypecheckOptions, type NormalizedTypecheckOptions } from './normalize-typecheck-options';
import type { TypecheckExecutorOptions } from './options';
import { runTypecheckForProject } from './run-typecheck';
import { createTypecheckRunCache, type TypecheckRunCache } from './typecheck-run-cache';

/**
 * How the typecheck executor normalizes, runs, records and summarizes one project. Tasks given the
 * same `cache` (a batch) share the loaded TypeScript, parsed tsconfigs and parsed source files.
 */
export function typecheckTool(
  cache: TypecheckRunCache = createTypecheckRunCache(),
): ToolDefinition<TypecheckExecutorOptions, NormalizedTypecheckOptions, TypecheckResult> {
  return {
    kind: 'typecheck',
    normalize: normalizeTypecheckOptions,
    resultFile: (options) => options.typecheckResultFile.absolute,
    run: (project, options) => runTypecheckForProject(project, options, cache),
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
  };
}
