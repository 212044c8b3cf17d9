import { RESULT_FILE_NAMES, resolveResultsDir } from '@nx-quality/core';
import { isAbsolute, join, resolve } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import { workspacePath, type WorkspacePath } from '../../shared/workspace-path';
import { parseOptions } from '../../shared/parse-options';
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
  const parsed = parseOptions(optionsSchema, raw, `typecheck executor of project "${project.name}"`);
  const { workspaceRoot } = project;
  const toPath = (absolute: string): WorkspacePath => workspacePath(workspaceRoot, absolute);
  const tsConfig = parsed.tsConfig.replaceAll('{projectRoot}', project.root).replaceAll('{workspaceRoot}', workspaceRoot);
  const resultsDir = toPath(resolve(workspaceRoot, resolveResultsDir(parsed.resultsDir, project)));
  return {
    ...parsed,
    projectRoot: toPath(resolve(workspaceRoot, project.root)),
    tsConfig: toPath(isAbsolute(tsConfig) ? tsConfig : resolve(workspaceRoot, tsConfig)),
    resultsDir,
    typecheckResultFile: toPath(join(resultsDir.absolute, RESULT_FILE_NAMES.typecheck)),
  };
}
