import { resolveResultsDir } from '@nx-quality/core';
import { resolve } from 'node:path';
import type { z } from 'zod';
import type { ProjectRef } from '../../shared/project-ref';
import { parseOptions } from '../../shared/parse-options';
import { workspacePath, type WorkspacePath } from '../../shared/workspace-path';

/** A tool executor's options validated, with the paths every tool executor resolves the same way. */
export interface ParsedToolOptions<T> {
  parsed: T;
  /** A path as given (absolute, or relative to the workspace root) in both of its forms. */
  toPath: (path: string) => WorkspacePath;
  projectRoot: WorkspacePath;
  /** The `resultsDir` option with `{projectRoot}` and `{projectName}` substituted. */
  resultsDir: WorkspacePath;
}

/** Validates raw options (throws InvalidOptionsError naming each bad option) and resolves the project root and results folder. */
export function parseToolOptions<S extends z.ZodType<{ resultsDir: string }>>(
  schema: S,
  project: ProjectRef,
  raw: unknown,
  executor: string,
): ParsedToolOptions<z.output<S>> {
  const parsed = parseOptions(schema, raw, `${executor} executor of project "${project.name}"`);
  const toPath = (path: string): WorkspacePath => workspacePath(project.workspaceRoot, resolve(project.workspaceRoot, path));
  return { parsed, toPath, projectRoot: toPath(project.root), resultsDir: toPath(resolveResultsDir(parsed.resultsDir, project)) };
}
