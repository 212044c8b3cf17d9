import type { UntestedModule } from '@nx-quality/core';
import type { ModuleGraph } from './build-module-graph';
import { computeFanIn, findTestReach } from './find-untested-modules';

/** Untested and indirectly tested modules of a project, ranked. */
export interface UntestedModules {
  untested: number;
  indirectlyTested: number;
  /** All of them, ranked: fan-in (desc), then lines (desc), then file. */
  ranked: UntestedModule[];
}

/**
 * Source modules of the project that no test imports. Files without code of their own (only types or
 * re-exports) are left out: there is nothing in them to test.
 */
export function rankUntestedModules(
  graph: ModuleGraph,
  lines: Map<string, number>,
  toWorkspacePath: (absolute: string) => string,
): UntestedModules {
  const reach = findTestReach(graph);
  const fanIn = computeFanIn(graph);
  const ranked: UntestedModule[] = [];
  let untested = 0;
  let indirectlyTested = 0;
  for (const node of graph.values()) {
    if (!node.inProject || node.isTest || !node.hasRuntimeCode || reach.direct.has(node.file)) continue;
    const reachedIndirectly = reach.indirect.has(node.file);
    if (reachedIndirectly) indirectlyTested += 1;
    else untested += 1;
    const file = toWorkspacePath(node.file);
    ranked.push({
      file,
      fanIn: fanIn.get(node.file) ?? 0,
      lines: lines.get(node.file) ?? 0,
      reachedIndirectly,
    });
  }
  ranked.sort((a, b) => b.fanIn - a.fanIn || b.lines - a.lines || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { untested, indirectlyTested, ranked };
}
