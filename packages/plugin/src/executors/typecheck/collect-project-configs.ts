import { isInsideWorkspace } from '@nx-quality/core';
import type { ParsedCommandLine } from 'typescript';
import type { TypeScriptModule } from './resolve-typescript';
import { parseTsconfig } from './parse-tsconfig';

/** One tsconfig to check, with its parsed contents. */
export interface ProjectConfig {
  file: string;
  parsed: ParsedCommandLine;
}

/**
 * The entry tsconfig and every tsconfig it references inside the project root, transitively, in
 * dependency order (referenced before referencing), as `tsc -b` builds them. References that
 * leave the project (other projects) are not checked here; their sources are still read through
 * the source redirect of the check host. Solution-style configs (`files: []`, only references)
 * are followed but not checked themselves, as they have no files.
 */
export function collectProjectConfigs(
  ts: TypeScriptModule,
  entry: string,
  projectRoot: string,
  workspaceRoot: string,
  cache?: Map<string, ParsedCommandLine>,
): ProjectConfig[] {
  const ordered: ProjectConfig[] = [];
  const visited = new Set<string>();
  const visit = (file: string): void => {
    if (visited.has(file)) return;
    visited.add(file);
    const parsed = parseTsconfig(ts, file, workspaceRoot, cache);
    for (const reference of parsed.projectReferences ?? []) {
      const referenced = ts.resolveProjectReferencePath(reference);
      if (isInsideWorkspace(projectRoot, referenced)) visit(referenced);
    }
    const solutionStyle = parsed.fileNames.length === 0 && (parsed.projectReferences?.length ?? 0) > 0;
    if (!solutionStyle) ordered.push({ file, parsed });
  };
  visit(entry);
  return ordered;
}
