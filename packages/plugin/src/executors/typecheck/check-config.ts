import { toWorkspacePath, type TypeDiagnostic } from '@nx-quality/core';
import type { CompilerOptions, Program } from 'typescript';
import { collectProgramDiagnostics } from './collect-program-diagnostics';
import type { ProjectConfig } from './collect-project-configs';
import { createCheckHost } from './create-check-host';
import type { TypeScriptModule } from './resolve-typescript';
import type { TypecheckRunCache } from './typecheck-run-cache';
import { toTypeDiagnostic } from './to-type-diagnostic';

/** The program of one checked config and its diagnostics. */
export interface ConfigCheck {
  program: Program;
  diagnostics: TypeDiagnostic[];
}

/**
 * Type-checks one tsconfig without emitting. `overrides` changes compiler options (the strictness
 * ladder); `oldProgram` lets TypeScript reuse the unchanged structure and source files.
 */
export function checkConfig(
  ts: TypeScriptModule,
  config: ProjectConfig,
  workspaceRoot: string,
  cache: TypecheckRunCache,
  overrides: CompilerOptions = {},
  oldProgram?: Program,
): ConfigCheck {
  const options = { ...config.parsed.options, ...overrides };
  const program = ts.createProgram({
    rootNames: config.parsed.fileNames,
    options,
    projectReferences: config.parsed.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config.parsed),
    host: createCheckHost(ts, options, workspaceRoot, cache),
    ...(oldProgram ? { oldProgram } : {}),
  });
  const tsconfig = toWorkspacePath(workspaceRoot, config.file);
  const diagnostics = collectProgramDiagnostics(program).map((diagnostic) => toTypeDiagnostic(ts, diagnostic, workspaceRoot, tsconfig));
  return { program, diagnostics };
}
