import { RESULT_FILE_NAMES } from '@nx-quality/core';
import { join } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import type { WorkspacePath } from '../../shared/workspace-path';
import { parseToolOptions } from '../shared/parse-tool-options';
import { optionsSchema, type ParsedTypecheckOptions } from './options';

/** Typecheck executor options with defaults applied and every path resolved. */
export interface NormalizedTypecheckOptions extends Omit<ParsedTypecheckOptions, 'tsConfig' | 'resultsDir'> {
  projectRoot: WorkspacePath;
  tsConfig: WorkspacePath;
  resultsDir: WorkspacePath;
  typecheckResultFile: WorkspacePath;
}

/** Validates raw options (throws InvalidOptionsError naming each bad option) and resolves paths against the project. */
export function normalizeTypecheckOptions(project: ProjectRef, raw: unknown): NormalizedTypecheckOptions {
  const { parsed, toPath, projectRoot, resultsDir } = parseToolOptions(optionsSchema, project, raw, 'typecheck');
  const tsConfig = parsed.tsConfig.replaceAll('{projectRoot}', project.root).replaceAll('{workspaceRoot}', project.workspaceRoot);
  return {
    ...parsed,
    projectRoot,
    tsConfig: toPath(tsConfig),
    resultsDir,
    typecheckResultFile: toPath(join(resultsDir.absolute, RESULT_FILE_NAMES.typecheck)),
  };
}
